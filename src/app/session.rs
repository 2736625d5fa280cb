//! The open document: the curriculum, where it lives, its undo history and the analysis cached
//! for the current revision. All edits go through [`Session::apply`].

use super::files::{Opened, Written};
use crate::analysis::{Analyser, Analysis, Finding, OccupationReport, PathwayReport};
use crate::model::{Curriculum, Edit, EditError, History, Unit, UnitId};
use crate::store::{Fingerprint, LockInfo, LockNote};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One open curriculum.
#[derive(Debug)]
pub struct Session {
    /// The document.
    pub doc: Curriculum,
    /// Where it is saved; `None` for a new, never-saved document.
    pub path: Option<PathBuf>,
    /// Undo/redo and the unsaved-changes mark.
    pub history: History,
    /// The file as opened or last saved, to notice someone else changing it.
    pub fingerprint: Option<Fingerprint>,
    /// Someone else who had the file open when we opened it.
    pub other_editor: Option<LockInfo>,
    lock: Option<Arc<LockNote>>,
    /// Units nobody has begun to write (no introduction, outcome or criterion text), as
    /// opened or as added from a template. Until the designer writes in one, or asks for a
    /// full check, its empty text is work to do (hints), not a wall of errors.
    drafts: Vec<UnitId>,
    analyser: Analyser,
    analysis: Analysis,
    analysed_revision: u64,
}

impl Session {
    /// A session over `doc`, loaded from `path` (or new when `None`).
    pub fn new(doc: Curriculum, path: Option<PathBuf>) -> Self {
        let drafts = doc
            .units
            .iter()
            .filter(|unit| is_unwritten(unit))
            .map(|unit| unit.id.clone())
            .collect::<Vec<UnitId>>();
        let mut analyser = Analyser::default();
        let mut analysis = analyser.analyse(&doc);
        analysis.treat_as_drafts(&doc, |id| drafts.contains(id));
        Self {
            doc,
            path,
            history: History::new(),
            fingerprint: None,
            other_editor: None,
            lock: None,
            drafts,
            analyser,
            analysis,
            analysed_revision: 0,
        }
    }

    /// A session over a file just read from disk.
    pub fn opened(opened: Opened) -> Self {
        let mut session = Self::new(opened.doc, Some(opened.path));
        session.fingerprint = opened.fingerprint;
        session.lock = opened.lock;
        session.other_editor = opened.other_editor;
        session
    }

    /// Applies an edit as one undoable step and refreshes the analysis.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        let draft = match &edit {
            Edit::InsertUnit { unit, .. } if is_unwritten(unit) => Some(unit.id.clone()),
            _ => None,
        };
        self.history.apply(&mut self.doc, edit)?;
        self.drafts.extend(draft);
        self.refresh();
        Ok(())
    }

    /// Checks the draft units like every other: their empty text is reported as missing.
    pub fn check_everything(&mut self) {
        self.drafts.clear();
        self.analyse();
    }

    /// How many units are drafts whose empty text is shown as work to do.
    pub fn draft_count(&self) -> usize {
        self.drafts.len()
    }

    /// Undoes the last step. Returns whether anything changed.
    pub fn undo(&mut self) -> bool {
        let changed = self.history.undo(&mut self.doc);
        self.refresh();
        changed
    }

    /// Redoes the last undone step. Returns whether anything changed.
    pub fn redo(&mut self) -> bool {
        let changed = self.history.redo(&mut self.doc);
        self.refresh();
        changed
    }

    /// Counts every change; screens key their caches on it.
    pub fn revision(&self) -> u64 {
        self.history.revision()
    }

    /// Whether there are unsaved changes.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Findings for the current revision.
    pub fn findings(&self) -> &[Finding] {
        &self.analysis.findings
    }

    /// Pathway coverage for the current revision.
    pub fn pathways(&self) -> &PathwayReport {
        &self.analysis.pathways
    }

    /// Coverage of the claimed occupations for the current revision.
    pub fn occupations(&self) -> &OccupationReport {
        &self.analysis.occupations
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "Untitled".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// Gives up our lock note before the same file is opened again in its place (the new
    /// session writes its own).
    pub fn release_lock(&mut self) {
        self.lock = None;
    }

    /// Records a successful save.
    pub fn saved(&mut self, written: Written) {
        if self.path.as_ref() != Some(&written.path) {
            self.lock = written.lock;
            self.other_editor = None;
        }
        self.path = Some(written.path);
        self.fingerprint = Some(written.fingerprint);
        self.history.mark_saved();
    }

    fn refresh(&mut self) {
        if self.history.revision() != self.analysed_revision {
            self.analyse();
        }
    }

    fn analyse(&mut self) {
        let doc = &self.doc;
        self.drafts
            .retain(|id| doc.unit(id).is_some_and(is_unwritten));
        self.analysis = self.analyser.analyse(doc);
        let drafts = &self.drafts;
        self.analysis.treat_as_drafts(doc, |id| drafts.contains(id));
        self.analysed_revision = self.history.revision();
    }
}

/// Whether nothing of `unit` has been written yet: no introduction, outcome or criterion text.
fn is_unwritten(unit: &Unit) -> bool {
    unit.introduction.trim().is_empty()
        && unit.outcomes.iter().all(|outcome| {
            outcome.text.trim().is_empty()
                && outcome.criteria.iter().all(|c| c.text.trim().is_empty())
        })
}
