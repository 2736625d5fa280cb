//! Emit: printpdf builds the document around the placed pages (fonts embedded and subset,
//! link annotations, metadata with real dates); each page's content stream is then written
//! directly by `content`, and the document gets a nested outline and the language (en-GB)
//! before it is compressed and serialised.

use super::ExportError;
use super::content::{Glyphs, page_content};
use super::deflate::{Deflater, on_both_cores};
use super::fonts::Face;
use super::typeset::{Bookmark, Geometry, Item, Layout};
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, ColorArray, DateTime, Destination, FontId, LinkAnnotation, Mm, Op,
    ParsedFont, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, Rect, TextItem,
};
use std::sync::OnceLock;

/// Document information written into the PDF.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    /// Document title.
    pub title: String,
    /// Author: the awarding body.
    pub author: String,
    /// Subject line.
    pub subject: String,
    /// Keywords.
    pub keywords: Vec<String>,
    /// When the document was made; `None` leaves the dates out.
    pub created: Option<time::OffsetDateTime>,
}

/// `moment` as printpdf writes dates.
fn pdf_date(moment: time::OffsetDateTime) -> DateTime {
    let offset = moment.offset();
    DateTime::new_in_offset(
        printpdf::Date {
            year: moment.year(),
            month: u8::from(moment.month()),
            day: moment.day(),
        },
        printpdf::Time {
            hour: moment.hour(),
            minute: moment.minute(),
            second: moment.second(),
            millisecond: moment.millisecond(),
        },
        printpdf::Offset {
            hours: offset.whole_hours(),
            minutes: offset.minutes_past_hour(),
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// The four faces parsed once per process for embedding.
fn parsed_fonts() -> Result<&'static [ParsedFont], ExportError> {
    static FONTS: OnceLock<Result<Vec<ParsedFont>, ExportError>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            Face::ALL
                .iter()
                .map(|face| {
                    ParsedFont::from_bytes(face.bytes(), 0, &mut Vec::new())
                        .ok_or_else(|| ExportError::Font(format!("{face:?}")))
                })
                .collect()
        })
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Serialises `layout` as a PDF.
pub fn render(
    layout: &Layout,
    geometry: Geometry,
    metadata: &Metadata,
) -> Result<Vec<u8>, ExportError> {
    let mut doc = PdfDocument::new(&metadata.title);
    let font_ids: Vec<FontId> = parsed_fonts()?
        .iter()
        .map(|font| doc.add_font(font))
        .collect();
    let fonts = parsed_fonts()?;
    let glyphs = Glyphs::of(&layout.pages, fonts);
    let width = Mm::from(Pt(geometry.width));
    let height = Mm::from(Pt(geometry.height));
    let pages = layout
        .pages
        .iter()
        .enumerate()
        .map(|(index, page)| {
            let mut ops = if index == 0 {
                subset_ops(&glyphs, &font_ids)
            } else {
                Vec::new()
            };
            ops.extend(link_ops(&page.items, geometry, layout));
            PdfPage::new(width, height, ops)
        })
        .collect();
    doc.with_pages(pages);
    let created = metadata.created.map(pdf_date);
    let info = &mut doc.metadata.info;
    info.author = metadata.author.clone();
    info.subject = metadata.subject.clone();
    info.keywords = metadata.keywords.clone();
    info.creator = "HTQ Studio".into();
    info.producer = format!("HTQ Studio {}", env!("CARGO_PKG_VERSION"));
    if let Some(created) = created {
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
    }
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    if created.is_none() {
        leave_out_dates(&mut pdf);
    }
    let font_names = rename_fonts(&mut pdf, &font_ids)?;
    let contents = on_both_cores(
        layout.pages.iter().collect(),
        |page| page.items.len(),
        |deflater, page| {
            stream(
                page_content(&page.items, geometry, &glyphs, &font_names),
                deflater,
            )
        },
    );
    replace_contents(&mut pdf, contents)?;
    finish_catalog(&mut pdf, &layout.bookmarks)?;
    compress(&mut pdf);
    describe(&mut pdf, metadata)?;
    let mut bytes = Vec::new();
    pdf.save_to(&mut bytes)
        .map_err(|error| ExportError::Pdf(error.to_string()))?;
    Ok(bytes)
}

/// A stream of `content`, compressed when that makes it smaller.
fn stream(content: Vec<u8>, deflater: &mut Deflater) -> lopdf::Stream {
    match deflater.deflate(&content) {
        Some(packed) => {
            let mut dictionary = Dictionary::new();
            dictionary.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            lopdf::Stream::new(dictionary, packed)
        }
        None => lopdf::Stream::new(Dictionary::new(), content),
    }
}

/// Compresses every stream not yet compressed (font files, ToUnicode maps) on both cores.
fn compress(pdf: &mut lopdf::Document) {
    let streams: Vec<&mut lopdf::Stream> = pdf
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream)
                if stream.allows_compression && stream.dict.get(b"Filter").is_err() =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    on_both_cores(
        streams,
        |stream| stream.content.len(),
        |deflater, stream| {
            if let Some(packed) = deflater.deflate(&stream.content) {
                stream
                    .dict
                    .set("Filter", Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        },
    );
}

/// Operations that make printpdf embed every glyph the pages show: each face's characters
/// once, on the first page, whose content is replaced by `replace_contents` afterwards.
fn subset_ops(glyphs: &Glyphs, fonts: &[FontId]) -> Vec<Op> {
    let mut ops = vec![Op::StartTextSection];
    for (index, font) in fonts.iter().enumerate() {
        let shown = glyphs.shown(index);
        if !shown.is_empty() {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(font.clone()),
                size: Pt(10.0),
            });
            ops.push(Op::ShowText {
                items: vec![TextItem::Text(shown)],
            });
        }
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Gives the faces short, fixed resource names (F1 to F4 in `Face::ALL` order) instead of
/// printpdf's random ones, so the content streams are smaller and the same on every export.
fn rename_fonts(pdf: &mut lopdf::Document, fonts: &[FontId]) -> Result<Vec<String>, ExportError> {
    let broken = |error: lopdf::Error| ExportError::Pdf(error.to_string());
    let first_page = pdf.page_iter().next();
    let Some(page) = first_page else {
        return Ok(fonts.iter().map(|font| font.0.clone()).collect());
    };
    let resources = pdf
        .get_dictionary(page)
        .and_then(|dictionary| dictionary.get(b"Resources"))
        .and_then(Object::as_reference)
        .and_then(|id| pdf.get_dictionary(id))
        .and_then(|dictionary| dictionary.get(b"Font"))
        .and_then(Object::as_reference)
        .map_err(broken)?;
    let dictionary = pdf.get_dictionary_mut(resources).map_err(broken)?;
    let mut names = Vec::with_capacity(fonts.len());
    for (index, font) in fonts.iter().enumerate() {
        let name = format!("F{}", index + 1);
        if let Some(object) = dictionary.remove(font.0.as_bytes()) {
            dictionary.set(name.as_bytes(), object);
        }
        names.push(name);
    }
    Ok(names)
}

/// Puts the directly written content streams in place of the ones printpdf wrote, page by
/// page in order.
fn replace_contents(
    pdf: &mut lopdf::Document,
    contents: Vec<lopdf::Stream>,
) -> Result<(), ExportError> {
    let pages = pdf.get_pages();
    for (page, content) in pages.values().zip(contents) {
        let stream_id = pdf
            .get_dictionary(*page)
            .and_then(|dictionary| dictionary.get(b"Contents"))
            .and_then(Object::as_reference)
            .map_err(|error| ExportError::Pdf(error.to_string()))?;
        pdf.objects.insert(stream_id, Object::Stream(content));
    }
    Ok(())
}

/// Link annotations of one page.
fn link_ops(items: &[Item], geometry: Geometry, layout: &Layout) -> Vec<Op> {
    let mut ops = Vec::new();
    for item in items {
        if let Item::Link {
            x,
            y,
            width,
            height,
            anchor,
        } = item
            && let Some(page) = layout.anchors.get(anchor)
        {
            let rect = Rect::from_xywh(
                Pt(*x),
                Pt(geometry.height - y - height),
                Pt(*width),
                Pt(*height),
            );
            let destination = Destination::Xyz {
                page: page + 1,
                left: None,
                top: None,
                zoom: None,
            };
            ops.push(Op::LinkAnnotation {
                link: LinkAnnotation::new(
                    rect,
                    Actions::go_to(destination),
                    Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                    Some(ColorArray::Transparent),
                    None,
                ),
            });
        }
    }
    ops
}

/// Adds the language, and a nested outline built from `bookmarks`, to the catalog.
fn finish_catalog(pdf: &mut lopdf::Document, bookmarks: &[Bookmark]) -> Result<(), ExportError> {
    let pages = pdf.get_pages();
    let outline = if bookmarks.is_empty() {
        None
    } else {
        Some(write_outline(pdf, bookmarks, &pages))
    };
    let catalog = pdf
        .catalog_mut()
        .map_err(|error| ExportError::Pdf(error.to_string()))?;
    catalog.set("Lang", Object::string_literal("en-GB"));
    if let Some(outline) = outline {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }
    Ok(())
}

/// Declares the file PDF 1.7, drops the empty PDF/X and trapping keys printpdf writes into
/// the document information (they make readers take the file for PDF/X), asks viewers to show
/// the title rather than the file name, and adds the XMP metadata packet (title, author,
/// subject, keywords, language, producer) that accessibility checkers read. It claims no
/// conformance the file does not meet: the pages are not tagged yet.
fn describe(pdf: &mut lopdf::Document, metadata: &Metadata) -> Result<(), ExportError> {
    pdf.version = "1.7".into();
    let info = pdf.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(Ok(Object::Dictionary(info))) = info.map(|id| pdf.get_object_mut(id)) {
        for key in [&b"GTS_PDFXVersion"[..], b"Trapped"] {
            info.remove(key);
        }
    }
    let mut dictionary = Dictionary::new();
    dictionary.set("Type", Object::Name(b"Metadata".to_vec()));
    dictionary.set("Subtype", Object::Name(b"XML".to_vec()));
    let packet = lopdf::Stream::new(dictionary, xmp(metadata).into_bytes());
    let packet = pdf.add_object(packet);
    let catalog = pdf
        .catalog_mut()
        .map_err(|error| ExportError::Pdf(error.to_string()))?;
    catalog.set("Metadata", Object::Reference(packet));
    let mut viewer = Dictionary::new();
    viewer.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(viewer));
    Ok(())
}

/// The XMP packet of `metadata`.
fn xmp(metadata: &Metadata) -> String {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let keywords: Vec<String> = metadata
        .keywords
        .iter()
        .map(|k| format!("<rdf:li>{}</rdf:li>", escape(k)))
        .collect();
    format!(
        "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n\
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n\
         <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n\
         <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n\
         <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n\
         <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{subject}</rdf:li></rdf:Alt></dc:description>\n\
         <dc:subject><rdf:Bag>{keywords}</rdf:Bag></dc:subject>\n\
         <dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>\n\
         <dc:format>application/pdf</dc:format>\n\
         <pdf:Producer>HTQ Studio {version}</pdf:Producer>\n\
         <xmp:CreatorTool>HTQ Studio</xmp:CreatorTool>\n\
         </rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>",
        title = escape(&metadata.title),
        author = escape(&metadata.author),
        subject = escape(&metadata.subject),
        keywords = keywords.join(""),
        version = env!("CARGO_PKG_VERSION"),
    )
}

/// Removes the creation and modification dates printpdf always writes, for a PDF made with
/// no date given.
fn leave_out_dates(pdf: &mut lopdf::Document) {
    let info = pdf.trailer.get(b"Info").and_then(Object::as_reference).ok();
    if let Some(Ok(Object::Dictionary(info))) = info.map(|id| pdf.get_object_mut(id)) {
        info.remove(b"CreationDate");
        info.remove(b"ModDate");
    }
}

/// Text as a PDF text string (UTF-16BE with byte-order mark).
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Writes the outline tree and returns the id of its root dictionary.
fn write_outline(
    pdf: &mut lopdf::Document,
    bookmarks: &[Bookmark],
    pages: &std::collections::BTreeMap<u32, ObjectId>,
) -> ObjectId {
    let root = pdf.new_object_id();
    let ids: Vec<ObjectId> = bookmarks.iter().map(|_| pdf.new_object_id()).collect();
    // Parent of each bookmark: the nearest earlier bookmark with a smaller depth.
    let mut parents: Vec<Option<usize>> = Vec::with_capacity(bookmarks.len());
    let mut stack: Vec<usize> = Vec::new();
    for (index, bookmark) in bookmarks.iter().enumerate() {
        while stack
            .last()
            .is_some_and(|top| bookmarks[*top].depth >= bookmark.depth)
        {
            stack.pop();
        }
        parents.push(stack.last().copied());
        stack.push(index);
    }
    let mut top: Vec<usize> = Vec::new();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); bookmarks.len()];
    for (index, parent) in parents.iter().enumerate() {
        match parent.and_then(|p| children.get_mut(p)) {
            Some(kids) => kids.push(index),
            None => top.push(index),
        }
    }
    let mut dictionaries: Vec<Dictionary> = Vec::with_capacity(bookmarks.len());
    for (index, bookmark) in bookmarks.iter().enumerate() {
        let page_number = u32::try_from(bookmark.page + 1).unwrap_or(u32::MAX);
        let mut dictionary = Dictionary::new();
        dictionary.set("Title", text_string(&bookmark.title));
        dictionary.set(
            "Parent",
            Object::Reference(parents[index].map_or(root, |p| ids[p])),
        );
        if let Some(page) = pages.get(&page_number) {
            dictionary.set(
                "Dest",
                vec![
                    Object::Reference(*page),
                    "XYZ".into(),
                    Object::Null,
                    Object::Null,
                    Object::Null,
                ],
            );
        }
        let kids = &children[index];
        if let (Some(first), Some(last)) = (kids.first(), kids.last()) {
            dictionary.set("First", Object::Reference(ids[*first]));
            dictionary.set("Last", Object::Reference(ids[*last]));
            dictionary.set("Count", Object::Integer(-(kids.len() as i64)));
        }
        dictionaries.push(dictionary);
    }
    for siblings in children.iter().chain(std::iter::once(&top)) {
        for (position, index) in siblings.iter().enumerate() {
            if let Some(previous) = position.checked_sub(1).and_then(|p| siblings.get(p)) {
                dictionaries[*index].set("Prev", Object::Reference(ids[*previous]));
            }
            if let Some(next) = siblings.get(position + 1) {
                dictionaries[*index].set("Next", Object::Reference(ids[*next]));
            }
        }
    }
    for (id, dictionary) in ids.iter().zip(dictionaries) {
        pdf.objects.insert(*id, Object::Dictionary(dictionary));
    }
    let mut outline = Dictionary::new();
    outline.set("Type", Object::Name(b"Outlines".to_vec()));
    if let (Some(first), Some(last)) = (top.first(), top.last()) {
        outline.set("First", Object::Reference(ids[*first]));
        outline.set("Last", Object::Reference(ids[*last]));
    }
    outline.set("Count", Object::Integer(top.len() as i64));
    pdf.objects.insert(root, Object::Dictionary(outline));
    root
}
