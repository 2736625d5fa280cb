//! The open document: the curriculum, where it lives, its undo history and its analysis. All
//! edits go through [`Session::apply`].
//!
//! The analysis of each revision runs on a worker thread ([`AnalysisJob`]), one at a time:
//! an edit never waits for it, a job whose revision the designer has already changed stops
//! at the solver's next stage, and the latest revision is analysed next. Until it is, the
//! screens show the last analysis made.

use super::files::{Opened, Written};
use crate::analysis::{Analyser, Analysis, Finding, OccupationReport, PathwayReport};
use crate::model::{Curriculum, Edit, EditError, History, Unit, UnitId};
use crate::store::{Fingerprint, LockInfo, LockNote};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// The solver's cache; `None` while a job has it.
    analyser: Option<Analyser>,
    analysis: Analysis,
    /// The revision [`Session::analysis`] is of; `None` when it must be made again whatever
    /// the revision (the drafts were given up).
    analysed_revision: Option<u64>,
    /// The revision the designer is at, shared with a running job so that it can stop.
    latest: Arc<AtomicU64>,
}

/// The analysis of one revision, to run on a worker thread.
#[derive(Debug)]
pub struct AnalysisJob {
    doc: Curriculum,
    revision: u64,
    drafts: Vec<UnitId>,
    analyser: Analyser,
    latest: Arc<AtomicU64>,
}

impl AnalysisJob {
    /// Analyses the revision, or stops early when the designer has changed it since.
    pub fn run(mut self) -> Analysed {
        let latest = &self.latest;
        let revision = self.revision;
        let stop = || latest.load(Ordering::Relaxed) != revision;
        let analysis = self
            .analyser
            .analyse_unless(&self.doc, &stop)
            .map(|mut analysis| {
                let drafts = &self.drafts;
                analysis.treat_as_drafts(&self.doc, |id| drafts.contains(id));
                analysis
            });
        Analysed {
            revision,
            analysis,
            analyser: self.analyser,
        }
    }

    /// Which session the job is for.
    pub fn session(&self) -> SessionKey {
        SessionKey(self.latest.clone())
    }
}

/// What an [`AnalysisJob`] gives back: the analysis (`None` when it stopped) and the cache.
#[derive(Debug, Clone)]
pub struct Analysed {
    revision: u64,
    analysis: Option<Analysis>,
    analyser: Analyser,
}

/// Names one session, so that an answer for a document since closed is not taken for
/// another's.
#[derive(Debug, Clone)]
pub struct SessionKey(Arc<AtomicU64>);

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
        let history = History::new();
        let revision = history.revision();
        Self {
            doc,
            path,
            history,
            fingerprint: None,
            other_editor: None,
            lock: None,
            drafts,
            analyser: Some(analyser),
            analysis,
            analysed_revision: Some(revision),
            latest: Arc::new(AtomicU64::new(revision)),
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

    /// Applies an edit as one undoable step; its analysis follows ([`Session::analysis_job`]).
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
        self.analysed_revision = None;
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

    /// Whether this session is the one `key` names.
    pub fn is(&self, key: &SessionKey) -> bool {
        Arc::ptr_eq(&self.latest, &key.0)
    }

    /// Whether the findings and coverage shown are of an earlier revision than the document's.
    pub fn is_analysing(&self) -> bool {
        self.analysed_revision != Some(self.revision())
    }

    /// The analysis the current revision still needs, unless one is running (its answer
    /// comes first; [`Session::analysed`] then asks for the next).
    pub fn analysis_job(&mut self) -> Option<AnalysisJob> {
        if !self.is_analysing() {
            return None;
        }
        let analyser = self.analyser.take()?;
        Some(AnalysisJob {
            doc: self.doc.clone(),
            revision: self.revision(),
            drafts: self.drafts.clone(),
            analyser,
            latest: self.latest.clone(),
        })
    }

    /// Takes a job's answer: the cache back, and its analysis when it is of the current
    /// revision.
    pub fn analysed(&mut self, done: Analysed) {
        self.analyser = Some(done.analyser);
        if let Some(analysis) = done.analysis
            && done.revision == self.revision()
        {
            self.analysis = analysis;
            self.analysed_revision = Some(done.revision);
        }
    }

    /// A job ended without an answer (a bug): the cache starts again, and the current
    /// revision is not tried again until the next edit.
    pub fn analysis_failed(&mut self) {
        self.analyser = Some(Analyser::default());
        self.analysed_revision = Some(self.revision());
    }

    /// Notes a new revision: drafts the designer has begun to write are drafts no longer, and
    /// a running job learns that its revision is out of date.
    fn refresh(&mut self) {
        let doc = &self.doc;
        self.drafts
            .retain(|id| doc.unit(id).is_some_and(is_unwritten));
        self.latest
            .store(self.history.revision(), Ordering::Relaxed);
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

/// The shipped curriculum with the introductions of its first `units` units gone, and its
/// partial mappings made full, so that those are its only findings.
#[cfg(test)]
pub(crate) fn shipped_without_introductions(units: usize) -> Session {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("curricula/medtech-htq.ron");
    let mut doc = crate::store::load(&path).expect("the shipped curriculum loads");
    for unit in doc.units.iter_mut().take(units) {
        unit.introduction.clear();
    }
    for mapping in &mut doc.mappings {
        mapping.coverage = crate::model::Coverage::Full;
    }
    Session::new(doc, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TextField;

    /// The shipped curriculum with the first unit's introduction gone (one finding).
    fn session() -> Session {
        shipped_without_introductions(1)
    }

    fn set_introduction(session: &mut Session, text: &str) {
        let unit = session.doc.units[0].id.clone();
        session
            .apply(Edit::SetText {
                field: TextField::UnitIntroduction(unit),
                value: text.into(),
            })
            .expect("the edit applies");
    }

    #[test]
    fn an_edit_never_waits_for_its_analysis_which_follows_on_a_job() {
        let mut session = session();
        assert_eq!(session.findings().len(), 1);
        assert!(session.analysis_job().is_none(), "opened analysed");
        set_introduction(&mut session, "Written now.");
        assert!(session.is_analysing());
        assert_eq!(
            session.findings().len(),
            1,
            "the last analysis until the next"
        );
        let job = session.analysis_job().expect("the edit needs analysing");
        assert!(session.analysis_job().is_none(), "one job at a time");
        session.analysed(job.run());
        assert!(!session.is_analysing());
        assert_eq!(session.findings(), &[] as &[Finding]);
    }

    #[test]
    fn a_job_overtaken_by_an_edit_stops_and_the_latest_revision_is_analysed_next() {
        let mut session = session();
        set_introduction(&mut session, "Written now.");
        let job = session.analysis_job().expect("the edit needs analysing");
        set_introduction(&mut session, "");
        let answer = job.run();
        assert!(
            answer.analysis.is_none(),
            "it stopped: its revision is gone"
        );
        session.analysed(answer);
        assert!(session.is_analysing(), "its answer is not taken");
        let job = session.analysis_job().expect("the latest revision is next");
        session.analysed(job.run());
        assert_eq!(session.findings().len(), 1, "of the latest revision");

        let job = {
            set_introduction(&mut session, "Written again.");
            session.analysis_job().expect("the edit needs analysing")
        };
        let finished = job.run();
        set_introduction(&mut session, "");
        session.analysed(finished);
        assert!(session.is_analysing(), "an answer for an earlier revision");
        assert_eq!(session.findings().len(), 1, "is not shown");
    }

    #[test]
    fn an_answer_is_only_taken_by_its_own_session() {
        let mut first = session();
        let second = session();
        set_introduction(&mut first, "Written now.");
        let job = first.analysis_job().expect("the edit needs analysing");
        assert!(first.is(&job.session()));
        assert!(!second.is(&job.session()));
    }
}
