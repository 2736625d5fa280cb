//! Real standards API records as published, and the shapes the rest of the published set
//! takes: each imports, with a warning for what cannot be used as it stands and never an
//! error. Option KSBs are derived as the publisher does: core duties plus the option's duties.

use htq_core::analysis::{Severity, check, claimed};
use htq_core::import::{StandardFile, import_into, read_standard, select_standard_from_json};
use htq_core::model::{Claim, Curriculum, Edit, Standard};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/standards")
        .join(name)
}

fn real(reference: &str) -> StandardFile {
    read_standard(&fixture(&format!("real/{reference}.json")))
        .unwrap_or_else(|e| panic!("{reference} does not import: {e}"))
}

fn shipped_file(name: &str) -> Curriculum {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../curricula")
        .join(name);
    htq_core::store::load(&path).expect("the shipped curriculum loads")
}

fn shipped() -> Curriculum {
    shipped_file("medtech-htq.ron")
}

/// The shipped curriculum with the real ST0950 imported (for reference: it claims already),
/// and that standard as imported.
fn shipped_with_st0950() -> (Curriculum, Standard) {
    let mut doc = shipped();
    let (edit, report) = import_into(&doc, real("ST0950").standard).expect("imports");
    assert!(!report.claimed, "the shipped curriculum claims already");
    doc.apply(edit).expect("applies");
    let st0950 = doc
        .standards
        .iter()
        .find(|s| s.reference == "ST0950")
        .expect("imported")
        .clone();
    (doc, st0950)
}

/// The count of each kind: knowledge, skill, behaviour.
fn kinds(standard: &Standard) -> [usize; 3] {
    let mut counts = [0; 3];
    for ksb in &standard.ksbs {
        counts[ksb.kind as usize] += 1;
    }
    counts
}

#[test]
fn every_real_record_imports() {
    let st0220 = real("ST0220");
    assert_eq!(kinds(&st0220.standard), [34, 30, 1]);
    assert!(st0220.standard.duties.is_empty() && st0220.standard.options.is_empty());
    assert_eq!(st0220.warnings, Vec::<String>::new());
    assert!(
        st0220.standard.ksbs[0]
            .text
            .starts_with("the requirements of the NHS Constitution"),
        "{}",
        st0220.standard.ksbs[0].text
    );

    let st0770 = real("ST0770");
    assert_eq!(kinds(&st0770.standard), [43, 43, 8]);
    assert_eq!(st0770.standard.duties.len(), 21);
    assert_eq!(st0770.standard.options.len(), 3);
    assert!(
        st0770.warnings.iter().any(|w| w.contains("\"Retired\"")),
        "{:?}",
        st0770.warnings
    );

    let st0950 = real("ST0950");
    assert_eq!(st0950.standard.level, 3);
    let titles: Vec<&str> = st0950
        .standard
        .options
        .iter()
        .map(|o| o.title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "Healthcare medical devices technician",
            "Healthcare estates technician"
        ]
    );
    assert!(st0950.standard.options.iter().all(|o| !o.ksbs.is_empty()));
}

/// The KSBs of ST0950 the publisher lists for `option`: those of core duties and of the
/// option's duties, read straight from the JSON.
fn publisher_option_ksbs(option: &str) -> HashSet<String> {
    let text = std::fs::read_to_string(fixture("real/ST0950.json")).expect("reads");
    let record: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let option_id = record["options"]
        .as_array()
        .expect("options")
        .iter()
        .find(|o| o["title"] == option)
        .and_then(|o| o["optionId"].as_str())
        .expect("option");
    let mut guids = HashSet::new();
    for duty in record["duties"].as_array().expect("duties") {
        let core = duty["isThisACoreDuty"].as_u64() == Some(1);
        let in_option = duty["mappedOptions"]
            .as_array()
            .is_some_and(|o| o.iter().any(|id| id == option_id));
        if core || in_option {
            for key in ["mappedKnowledge", "mappedSkills", "mappedBehaviour"] {
                for guid in duty[key].as_array().into_iter().flatten() {
                    guids.insert(guid.as_str().expect("guid").to_owned());
                }
            }
        }
    }
    let mut details = HashSet::new();
    for (list, id) in [
        ("knowledges", "knowledgeId"),
        ("skills", "skillId"),
        ("behaviours", "behaviourId"),
    ] {
        for ksb in record[list].as_array().expect("list") {
            if guids.contains(ksb[id].as_str().expect("id")) {
                details.insert(ksb["detail"].as_str().expect("detail").trim().to_owned());
            }
        }
    }
    details
}

#[test]
fn a_claimed_option_needs_the_core_and_its_own_duties_ksbs() {
    let (mut doc, st0950) = shipped_with_st0950();
    let option = "Healthcare medical devices technician";
    let mut claims = doc.qualification.claims.clone();
    claims.push(Claim {
        standard: st0950.id.clone(),
        options: vec![option.into()],
    });
    doc.apply(Edit::SetClaims(claims)).expect("claims");
    let occupation = claimed(&doc)
        .into_iter()
        .find(|o| o.standard == st0950.id)
        .expect("claimed");
    let ours: HashSet<String> = occupation
        .ksbs
        .iter()
        .filter_map(|id| doc.ksb(id))
        .map(|(_, k)| k.text.clone())
        .collect();
    let theirs: HashSet<String> = publisher_option_ksbs(option)
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(ours, theirs);
    assert!(
        ours.len() < st0950.ksbs.len(),
        "the other option's KSBs are left out"
    );
}

#[test]
fn check_on_a_claimed_option_reports_only_that_options_gaps() {
    let (mut doc, st0950) = shipped_with_st0950();
    let st0950_errors = |doc: &Curriculum| -> Vec<String> {
        check(doc)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .filter(|f| match &f.location {
                htq_core::analysis::Location::Ksb(id) => st0950.ksbs.iter().any(|k| &k.id == id),
                htq_core::analysis::Location::Standard(id) => *id == st0950.id,
                _ => false,
            })
            .map(|f| f.message)
            .collect()
    };
    assert_eq!(st0950_errors(&doc), Vec::<String>::new(), "reference only");

    let option = "Healthcare estates technician";
    let mut claims = doc.qualification.claims.clone();
    claims.push(Claim {
        standard: st0950.id.clone(),
        options: vec![option.into()],
    });
    doc.apply(Edit::SetClaims(claims)).expect("claims");
    let needed: HashSet<_> = claimed(&doc)
        .into_iter()
        .find(|o| o.standard == st0950.id)
        .expect("claimed")
        .ksbs
        .into_iter()
        .collect();
    let errors = st0950_errors(&doc);
    assert!(!errors.is_empty());
    let per_ksb = check(&doc)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| match f.location {
            htq_core::analysis::Location::Ksb(id) => Some(id),
            _ => None,
        })
        .filter(|id| st0950.ksbs.iter().any(|k| &k.id == id))
        .collect::<Vec<_>>();
    assert!(!per_ksb.is_empty());
    assert!(
        per_ksb.iter().all(|id| needed.contains(id)),
        "a KSB only the other option needs is reported"
    );
}

/// A small record: `extra` is spliced into the object.
fn record(extra: &str) -> StandardFile {
    let text = format!(
        r#"{{"referenceNumber":"ST9001","title":"Test technician","level":4,"version":"1.0",
        "knowledges":[{{"knowledgeId":"k-a","detail":"K1: &lt;p&gt;Safe use of&nbsp;equipment &amp;amp; PPE&lt;/p&gt;"}},
                      {{"knowledgeId":"k-b","detail":"  Quality\r\n systems  "}},
                      {{"knowledgeId":"k-c","detail":null}}],
        "skills":[{{"skillId":"s-a","detail":"Calibrate<br>instruments"}}],
        "behaviours":null{extra}}}"#
    );
    select_standard_from_json(&text, None).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn text_is_cleaned_and_a_missing_statement_is_a_warning() {
    let read = record("");
    let texts: Vec<&str> = read.standard.ksbs.iter().map(|k| k.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Safe use of equipment & PPE",
            "Quality systems",
            "",
            "Calibrate instruments"
        ]
    );
    assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
    assert!(read.warnings[0].starts_with("knowledges[2] has no statement: it is imported as K3"));
}

#[test]
fn dangling_references_are_dropped_with_one_warning() {
    let read = record(
        r#","duties":[{"dutyDetail":"Maintain","mappedKnowledge":["k-a","gone"],
           "mappedSkills":null,"mappedBehaviour":["also-gone"]}]"#,
    );
    assert_eq!(read.standard.duties[0].ksbs.len(), 1);
    assert_eq!(
        read.warnings[1],
        "2 duty references point to a knowledge, skill or behaviour the record does not hold \
         (first at duties[0].mappedKnowledge[1]); they are dropped"
    );
}

#[test]
fn unstructured_options_come_from_the_template_and_the_ksb_mapping() {
    let read = record(
        r#","options":null,"optionsUnstructuredTemplate":["Point-of-care","Imaging"],
           "optionsUnstructuredKsbMapping":[
             {"coreOrOptionTitle":"Core","mappedKnowledge":["k-a"],"mappedSkills":null},
             {"coreOrOptionTitle":"Point-of-care","mappedKnowledge":["k-b"]},
             {"coreOrOptionTitle":"Imaging","mappedSkills":["s-a"]}]"#,
    );
    let options: Vec<(&str, Vec<&str>)> = read
        .standard
        .options
        .iter()
        .map(|o| {
            (
                o.title.as_str(),
                o.ksbs.iter().map(|k| k.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        options,
        [
            ("Point-of-care", vec!["st9001-k2"]),
            ("Imaging", vec!["st9001-s1"])
        ]
    );
}

#[test]
fn a_standard_not_approved_for_delivery_is_a_warning() {
    for (status, says) in [
        ("Withdrawn", "no new apprentices start on it"),
        ("In development", "not yet approved for delivery"),
        ("Proposal in development", "not yet approved for delivery"),
    ] {
        let read = record(&format!(r#","status":"{status}""#));
        assert!(
            read.warnings.iter().any(|w| w.contains(says)),
            "{status}: {:?}",
            read.warnings
        );
    }
    assert_eq!(
        record(r#","status":"Approved for delivery""#)
            .warnings
            .len(),
        1
    );
}

#[test]
fn a_re_import_keeps_the_claim_and_names_the_coverage_the_occupation_lacks() {
    // The draft still maps the illustrative stand-in of ST0220 (19 KSBs).
    let mut doc = shipped_file("medtech-htq-draft.ron");
    let (edit, report) = import_into(&doc, real("ST0220").standard).expect("re-imports");
    assert_eq!(
        report.lost_coverage,
        [
            "ST0220 Healthcare science associate now also needs K10–K34, S7–S30, which no \
          outcome covers yet."
        ]
    );
    doc.apply(edit).expect("applies");
    let claimed: Vec<&str> = doc
        .qualification
        .claims
        .iter()
        .map(|c| c.standard.as_str())
        .collect();
    assert_eq!(claimed, ["st0220", "st1512"]);
}

#[test]
fn a_first_import_claims_only_when_nothing_is_claimed() {
    let mut doc = shipped();
    doc.qualification.claims.clear();
    let (edit, report) = import_into(&doc, real("ST0770").standard).expect("imports");
    assert!(report.claimed);
    assert!(report.summary().contains("so it now claims ST0770"));
    doc.apply(edit).expect("applies");
    assert_eq!(doc.qualification.claims.len(), 1);
}

#[test]
fn the_shipped_curriculum_claims_the_real_st0220_and_meets_it_in_every_pathway() {
    let doc = shipped();
    let record = real("ST0220").standard;
    let st0220 = doc
        .standards
        .iter()
        .find(|s| s.reference == "ST0220")
        .expect("the shipped curriculum holds ST0220");
    assert!(!st0220.illustrative, "the real record, not the stand-in");
    let statements = |s: &Standard| -> Vec<(String, String)> {
        s.ksbs
            .iter()
            .map(|k| (k.code.clone(), k.text.clone()))
            .collect()
    };
    assert_eq!(statements(st0220), statements(&record));
    let analysis = htq_core::analysis::analyse(&doc);
    let coverage = analysis
        .occupations
        .occupations
        .iter()
        .find(|o| o.occupation.standard == st0220.id)
        .expect("ST0220 is claimed");
    assert_eq!(coverage.occupation.ksbs.len(), 65);
    assert!(coverage.met_everywhere(), "{}", coverage.summary(&doc));
    let errors: Vec<String> = check(&doc)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.message)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
}
