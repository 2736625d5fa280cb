//! Everything that belongs to one open document: the session (document, path, history,
//! analysis) and each screen's state. Opening another file replaces the whole workspace, so
//! nothing of the previous document (a comparison, a filter, a draft) survives into the next.

use super::screen::{findings, mapping, search, standards, structure, unit, workshop};
use super::{Conflict, Screen, Session};

/// One open document and the state of every screen showing it.
#[derive(Debug)]
pub struct Workspace {
    /// The document, its file and history.
    pub session: Session,
    /// The main screen.
    pub screen: Screen,
    /// Structure screen state.
    pub structure: structure::State,
    /// Unit editor state.
    pub unit: unit::State,
    /// Findings panel state.
    pub findings: findings::State,
    /// Mapping matrix state.
    pub mapping: mapping::State,
    /// Standards screen state.
    pub standards: standards::State,
    /// Search overlay, when open.
    pub search: Option<search::State>,
    /// Workshop mode's state: item in view, decision bar, panel views.
    pub meeting: workshop::State,
    /// A save refused because the file changed on disk, until resolved.
    pub conflict: Option<Conflict>,
}

impl Workspace {
    /// A workspace over `session`, showing the structure screen.
    pub fn new(session: Session) -> Self {
        let mut workspace = Self {
            session,
            screen: Screen::Structure,
            structure: structure::State::default(),
            unit: unit::State::default(),
            findings: findings::State::default(),
            mapping: mapping::State::default(),
            standards: standards::State::default(),
            search: None,
            meeting: workshop::State::default(),
            conflict: None,
        };
        workspace.sync(false);
        workspace
    }

    /// Brings every screen in line with the document after any change. `own_typing` says the
    /// change was typing in a field (number drafts stay only then).
    pub fn sync(&mut self, own_typing: bool) {
        let doc = &self.session.doc;
        if let Screen::Unit(id) = &self.screen
            && doc.unit(id).is_none()
        {
            self.screen = Screen::Structure;
        }
        self.structure.sync(doc, own_typing);
        self.standards.sync(doc, own_typing);
        if let Screen::Unit(id) = &self.screen {
            self.unit.sync(id, doc, own_typing);
        }
    }

    /// Shows `screen`, ending the current typing step.
    pub fn navigate(&mut self, screen: Screen) {
        self.session.history.seal();
        self.screen = screen;
        self.sync(false);
    }
}
