//! The curriculum document: plain data, serde-derived, no IO and no UI.

use super::ids::{
    CriterionId, DutyId, GroupId, KsbId, OutcomeId, ResourceId, StandardId, TopicId, UnitId,
};
use serde::{Deserialize, Serialize};

/// A whole curriculum: the qualification, its units, the occupational standards it is
/// approved against, and the mapping of learning outcomes to KSBs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Curriculum {
    /// The qualification being designed.
    pub qualification: Qualification,
    /// Units in display order.
    pub units: Vec<Unit>,
    /// Occupational standards the qualification aligns to.
    #[serde(default)]
    pub standards: Vec<Standard>,
    /// Learning outcome to KSB mappings.
    #[serde(default)]
    pub mappings: Vec<Mapping>,
    /// The panel's members, sessions, statuses and decisions.
    #[serde(default)]
    pub panel: super::PanelRecord,
}

/// The kind of qualification, which sets the expected credit shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum QualificationKind {
    /// Higher National Certificate: 120 credits at Level 4.
    #[default]
    Hnc,
    /// Higher National Diploma: 120 credits at Level 4 and 120 at Level 5.
    Hnd,
    /// A Higher Technical Qualification certificate (Level 4).
    HtqCertificate,
    /// A Higher Technical Qualification diploma (Level 5).
    HtqDiploma,
}

impl QualificationKind {
    /// Every kind, in menu order.
    pub const ALL: [QualificationKind; 4] = [
        QualificationKind::Hnc,
        QualificationKind::Hnd,
        QualificationKind::HtqCertificate,
        QualificationKind::HtqDiploma,
    ];

    /// The name a panel uses.
    pub fn label(self) -> &'static str {
        match self {
            QualificationKind::Hnc => "Higher National Certificate (HNC)",
            QualificationKind::Hnd => "Higher National Diploma (HND)",
            QualificationKind::HtqCertificate => "HTQ Certificate",
            QualificationKind::HtqDiploma => "HTQ Diploma",
        }
    }

    /// Credits a learner needs at each level, as (level, credits).
    pub fn expected_credits(self) -> &'static [(u8, u32)] {
        match self {
            QualificationKind::Hnc | QualificationKind::HtqCertificate => &[(4, 120)],
            QualificationKind::Hnd | QualificationKind::HtqDiploma => &[(4, 120), (5, 120)],
        }
    }

    /// The level rules of combination this kind expects (e.g. 120 at Level 4 and 120 at 5).
    pub fn level_rules(self) -> Vec<LevelCredits> {
        self.expected_credits()
            .iter()
            .map(|&(level, min_credits)| LevelCredits { level, min_credits })
            .collect()
    }
}

impl std::fmt::Display for QualificationKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// The qualification: its identity, descriptive text and rules of combination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    /// Full title, e.g. "Pearson BTEC Level 5 HTQ Diploma in Medical Technology".
    pub title: String,
    /// Awarding body.
    pub awarding_body: String,
    /// Qualification kind.
    pub kind: QualificationKind,
    /// Highest level of the qualification (4 or 5).
    pub level: u8,
    /// Total credits a learner must achieve.
    pub total_credits: u32,
    /// Issue label printed on the specification, e.g. "Issue 1".
    #[serde(default)]
    pub issue: String,
    /// Issue date as YYYY-MM-DD.
    #[serde(default)]
    pub issue_date: String,
    /// Purpose of the qualification.
    #[serde(default)]
    pub purpose: String,
    /// Who the qualification is for.
    #[serde(default)]
    pub audience: String,
    /// Where learners progress to.
    #[serde(default)]
    pub progression: String,
    /// Which units a learner may take.
    #[serde(default)]
    pub rules: RulesOfCombination,
    /// The occupations the qualification is submitted against. Standards in the file that no
    /// claim names are there for reference only.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// KSBs of the claimed occupations the qualification leaves out, each with why (for
    /// example: delivered in the workplace). Coverage is not asked of them.
    #[serde(default)]
    pub out_of_scope: Vec<OutOfScope>,
}

/// A KSB the qualification leaves out of scope, and why.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct OutOfScope {
    /// The KSB.
    pub ksb: KsbId,
    /// Why it is out of scope, for the approval panel.
    #[serde(default)]
    pub reason: String,
}

/// An occupation the qualification claims: a standard and, for a core-and-options standard,
/// the options claimed (each option with the core is one occupation).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// The standard.
    pub standard: StandardId,
    /// Titles of the options claimed, as the standard names them; empty for a standard
    /// without options.
    #[serde(default)]
    pub options: Vec<String>,
}

/// Rules of combination: mandatory units, optional groups and per-level credit rules.
///
/// A learner's programme is every mandatory unit plus optional units chosen so that every
/// group's bounds hold, every level rule holds, and the credits add up to the qualification's
/// total. A unit listed in two groups counts towards both.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RulesOfCombination {
    /// Units every learner takes.
    #[serde(default)]
    pub mandatory: Vec<UnitId>,
    /// Groups of optional units.
    #[serde(default)]
    pub groups: Vec<OptionalGroup>,
    /// Minimum credits at a level.
    #[serde(default)]
    pub level_credits: Vec<LevelCredits>,
}

/// A group of optional units with bounds on how much a learner takes from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct OptionalGroup {
    /// Stable id.
    pub id: GroupId,
    /// Title, e.g. "Specialist units: AI-enabled devices".
    pub title: String,
    /// Units in the group.
    pub units: Vec<UnitId>,
    /// Minimum credits taken from the group.
    #[serde(default)]
    pub min_credits: Option<u32>,
    /// Maximum credits taken from the group.
    #[serde(default)]
    pub max_credits: Option<u32>,
    /// Minimum units taken from the group.
    #[serde(default)]
    pub min_units: Option<u32>,
    /// Maximum units taken from the group.
    #[serde(default)]
    pub max_units: Option<u32>,
}

/// At least `min_credits` credits at `level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LevelCredits {
    /// The level (4 or 5).
    pub level: u8,
    /// Minimum credits at that level.
    pub min_credits: u32,
}

/// The theme a unit belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub enum Theme {
    /// Shared foundations: maths, professional practice, projects.
    #[default]
    Core,
    /// Laboratory skills.
    LabSkills,
    /// Medical-device regulation.
    DeviceRegulation,
    /// AI-enabled health devices.
    AiEnabledDevices,
}

impl Theme {
    /// Every theme, in display order.
    pub const ALL: [Theme; 4] = [
        Theme::LabSkills,
        Theme::DeviceRegulation,
        Theme::AiEnabledDevices,
        Theme::Core,
    ];

    /// Human-readable name.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Core => "Core",
            Theme::LabSkills => "Laboratory skills",
            Theme::DeviceRegulation => "Medical-device regulation",
            Theme::AiEnabledDevices => "AI-enabled health devices",
        }
    }
}

impl std::fmt::Display for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A unit of the qualification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable id.
    pub id: UnitId,
    /// Four-digit unit number whose first digit is the level, e.g. "4017".
    pub number: String,
    /// Regulator unit code such as "Y/651/0734"; empty until accredited.
    #[serde(default)]
    pub regulator_code: String,
    /// Short noun-phrase title.
    pub title: String,
    /// Level (4 or 5).
    pub level: u8,
    /// Credit value (15, or 30 for projects).
    pub credits: u32,
    /// Guided learning hours.
    pub glh: u32,
    /// Theme.
    pub theme: Theme,
    /// Introduction: aims, topics, what students will be able to do.
    #[serde(default)]
    pub introduction: String,
    /// Learning outcomes in order (LO1, LO2, ...).
    #[serde(default)]
    pub outcomes: Vec<LearningOutcome>,
    /// Recommended resources.
    #[serde(default)]
    pub resources: Vec<Resource>,
    /// Related units.
    #[serde(default)]
    pub links: Vec<UnitId>,
}

impl Unit {
    /// Criteria of every outcome, in unit order.
    pub fn criteria(&self) -> impl Iterator<Item = (&LearningOutcome, &Criterion)> {
        self.outcomes
            .iter()
            .flat_map(|outcome| outcome.criteria.iter().map(move |c| (outcome, c)))
    }
}

/// A learning outcome with its essential content and assessment criteria.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct LearningOutcome {
    /// Stable id.
    pub id: OutcomeId,
    /// The outcome, e.g. "Examine the legal framework for ...".
    pub text: String,
    /// Essential content: headed topic lists.
    #[serde(default)]
    pub content: Vec<ContentTopic>,
    /// Pass, Merit and Distinction criteria in order.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
}

/// One heading of essential content with its topics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ContentTopic {
    /// Stable id.
    pub id: TopicId,
    /// Heading, e.g. "Risk assessment".
    pub heading: String,
    /// Topics under the heading.
    #[serde(default)]
    pub points: Vec<String>,
}

/// Grade band of an assessment criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Band {
    /// Pass (P1, P2, ...).
    Pass,
    /// Merit (M1, M2, ...).
    Merit,
    /// Distinction (D1, D2, ...).
    Distinction,
}

impl Band {
    /// All bands from lowest to highest.
    pub const ALL: [Band; 3] = [Band::Pass, Band::Merit, Band::Distinction];

    /// The letter used in criterion numbers.
    pub fn letter(self) -> char {
        match self {
            Band::Pass => 'P',
            Band::Merit => 'M',
            Band::Distinction => 'D',
        }
    }

    /// Name of the band.
    pub fn label(self) -> &'static str {
        match self {
            Band::Pass => "Pass",
            Band::Merit => "Merit",
            Band::Distinction => "Distinction",
        }
    }
}

impl std::fmt::Display for Band {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// An assessment criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id.
    pub id: CriterionId,
    /// Band.
    pub band: Band,
    /// The criterion, starting with its command verb.
    pub text: String,
}

/// Kind of recommended resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum ResourceKind {
    /// A textbook.
    #[default]
    Book,
    /// A journal.
    Journal,
    /// A website.
    Website,
    /// Anything else (standards, guidance documents).
    Other,
}

impl ResourceKind {
    /// Every kind, in display order.
    pub const ALL: [ResourceKind; 4] = [
        ResourceKind::Book,
        ResourceKind::Journal,
        ResourceKind::Website,
        ResourceKind::Other,
    ];

    /// Name of the kind.
    pub fn label(self) -> &'static str {
        match self {
            ResourceKind::Book => "Textbook",
            ResourceKind::Journal => "Journal",
            ResourceKind::Website => "Website",
            ResourceKind::Other => "Other",
        }
    }
}

impl std::fmt::Display for ResourceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// A recommended resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Resource {
    /// Stable id.
    pub id: ResourceId,
    /// Kind.
    pub kind: ResourceKind,
    /// Citation or title.
    pub text: String,
}

/// An occupational standard (or an illustrative stand-in for one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    /// Stable id.
    pub id: StandardId,
    /// Reference, e.g. "ST0220".
    pub reference: String,
    /// Title of the occupation.
    pub title: String,
    /// Level.
    pub level: u8,
    /// Version, e.g. "1.2".
    #[serde(default)]
    pub version: String,
    /// True when the KSBs are written for illustration, not copied from the published standard.
    #[serde(default)]
    pub illustrative: bool,
    /// Occupation summary.
    #[serde(default)]
    pub summary: String,
    /// Knowledge, skills and behaviours in standard order.
    pub ksbs: Vec<Ksb>,
    /// Duties, each naming the KSBs it needs.
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// Options of a core-and-options standard.
    #[serde(default)]
    pub options: Vec<StandardOption>,
}

/// Knowledge, skill or behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum KsbKind {
    /// Knowledge (K1, K2, ...).
    Knowledge,
    /// Skill (S1, S2, ...).
    Skill,
    /// Behaviour (B1, B2, ...).
    Behaviour,
}

impl KsbKind {
    /// All kinds in standard order.
    pub const ALL: [KsbKind; 3] = [KsbKind::Knowledge, KsbKind::Skill, KsbKind::Behaviour];

    /// The letter of its codes.
    pub fn letter(self) -> char {
        match self {
            KsbKind::Knowledge => 'K',
            KsbKind::Skill => 'S',
            KsbKind::Behaviour => 'B',
        }
    }

    /// Name of the kind.
    pub fn label(self) -> &'static str {
        match self {
            KsbKind::Knowledge => "Knowledge",
            KsbKind::Skill => "Skill",
            KsbKind::Behaviour => "Behaviour",
        }
    }
}

impl std::fmt::Display for KsbKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One knowledge, skill or behaviour statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ksb {
    /// Stable id, unique across all standards in the file.
    pub id: KsbId,
    /// Kind.
    pub kind: KsbKind,
    /// The standard's own code, e.g. "K12".
    pub code: String,
    /// The statement.
    pub text: String,
}

/// A duty of the occupation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    /// Stable id within the standard; files without one get one when they are read.
    #[serde(default)]
    pub id: DutyId,
    /// Code, e.g. "D3".
    pub code: String,
    /// What the duty is.
    pub text: String,
    /// KSBs the duty draws on.
    #[serde(default)]
    pub ksbs: Vec<KsbId>,
}

/// An option of a core-and-options standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct StandardOption {
    /// Title of the option.
    pub title: String,
    /// KSBs only this option needs.
    #[serde(default)]
    pub ksbs: Vec<KsbId>,
}

/// How fully a learning outcome covers a KSB.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Coverage {
    /// Partly covered; the note says why the rest is left to the workplace.
    Partial,
    /// Fully covered.
    Full,
}

impl Coverage {
    /// Name of the coverage level.
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Partial => "Partial",
            Coverage::Full => "Full",
        }
    }
}

/// A learning outcome mapped to a KSB.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The learning outcome.
    pub outcome: OutcomeId,
    /// The KSB.
    pub ksb: KsbId,
    /// How fully.
    pub coverage: Coverage,
    /// Why, especially for partial coverage.
    #[serde(default)]
    pub note: String,
}
