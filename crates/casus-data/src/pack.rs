//! Packs: hand-written TOML that adds or changes treaties, memberships and
//! freezes on top of ATOP, or stands alone (the built-in pack).
//!
//! The format is documented in `docs/packs.md`. Reading a pack checks its
//! syntax and the form of each value ([`Pack::parse`]); applying it checks it
//! against the treaties it changes ([`Pack::apply`]): an unknown treaty or
//! state, an exit before entry, a freeze of a state that is not a member. Every
//! error names the pack file, line and column.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use casus_model::{
    Ccode, Commitment, Condition, Conditions, Date, Freeze, ObligationKind, Origin, PartialDate, Provisions,
    SourceNote, State, StateDirectory, Treaty, TreatyBase,
};
use serde::Deserialize;
use toml::Spanned;

use crate::DataError;
use crate::scenario_file::{line_column, toml_error};

/// The built-in pack's text, compiled into the binary.
pub const BUILTIN_TOML: &str = include_str!("../packs/builtin.toml");
/// The name the built-in pack's errors and sources go by.
pub const BUILTIN_NAME: &str = "builtin.toml";
/// Changes since ATOP's last day, applied by default on top of ATOP or the built-in pack.
pub const UPDATES_TOML: &str = include_str!("../packs/since-2018.toml");
pub const UPDATES_NAME: &str = "since-2018.toml";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackFile {
    pack: Option<PackMeta>,
    #[serde(default)]
    state: Vec<StateEntry>,
    #[serde(default)]
    treaty: Vec<TreatyEntry>,
    #[serde(default)]
    member: Vec<MemberEntry>,
    #[serde(default)]
    exit: Vec<ExitEntry>,
    #[serde(default)]
    freeze: Vec<FreezeEntry>,
    #[serde(default)]
    amend: Vec<AmendEntry>,
    #[serde(default)]
    exception: Vec<ExceptionEntry>,
}

/// The `[pack]` table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// For a standalone pack: the first and last day its facts cover.
    pub coverage_start: Option<Spanned<String>>,
    pub coverage_end: Option<Spanned<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateEntry {
    ccode: Spanned<Ccode>,
    abb: String,
    name: String,
    iso3: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TreatyEntry {
    atopid: Spanned<u32>,
    name: Option<String>,
    /// Provisions given here apply to this phase only; without it, to the whole alliance.
    phase: Option<u8>,
    source: Option<String>,
    specthrt: Option<u8>,
    #[serde(default)]
    threats: Vec<Ccode>,
    medarb: Option<bool>,
    conwtin: Option<u8>,
    conres: Option<u8>,
    asymm: Option<bool>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct MemberEntry {
    atopid: Spanned<u32>,
    phase: Option<u8>,
    member: Spanned<Ccode>,
    entry: Spanned<String>,
    exit: Option<Spanned<String>>,
    obligations: Spanned<Vec<String>>,
    #[serde(default)]
    conditions: BTreeMap<String, Spanned<Vec<String>>>,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExitEntry {
    atopid: Spanned<u32>,
    member: Spanned<Ccode>,
    date: Spanned<String>,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct FreezeEntry {
    atopid: Spanned<u32>,
    member: Spanned<Ccode>,
    from: Spanned<String>,
    until: Option<Spanned<String>>,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AmendEntry {
    atopid: Spanned<u32>,
    member: Option<Spanned<Ccode>>,
    phase: Option<u8>,
    obligations: Option<Spanned<Vec<String>>>,
    conditions: Option<BTreeMap<String, Spanned<Vec<String>>>>,
    source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExceptionEntry {
    atopid: u32,
    member: Option<Ccode>,
    from: Spanned<String>,
    until: Spanned<String>,
    reason: String,
}

/// A declared difference between a pack and ATOP, with its justification;
/// the consistency test of the built-in pack skips what it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackException {
    pub atopid: u32,
    pub member: Option<Ccode>,
    pub from: Date,
    pub until: Date,
    pub reason: String,
}

/// A parsed pack, ready to apply.
#[derive(Debug, Clone)]
pub struct Pack {
    pub path: PathBuf,
    text: String,
    file: PackFile,
}

impl Pack {
    /// Reads and parses a pack file.
    pub fn read(path: &Path) -> Result<Pack, DataError> {
        let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Pack::parse(path, text)
    }

    /// Parses pack text; `path` names it in errors.
    pub fn parse(path: &Path, text: String) -> Result<Pack, DataError> {
        let file: PackFile = toml::from_str(&text).map_err(|e| toml_error(path, &text, &e))?;
        let pack = Pack {
            path: path.to_path_buf(),
            text,
            file,
        };
        pack.check_forms()?;
        Ok(pack)
    }

    /// The built-in pack.
    pub fn builtin() -> Pack {
        Pack::parse(Path::new(BUILTIN_NAME), BUILTIN_TOML.to_string()).expect("the built-in pack parses (tested)")
    }

    /// The built-in changes since 2018.
    pub fn updates() -> Pack {
        Pack::parse(Path::new(UPDATES_NAME), UPDATES_TOML.to_string()).expect("the updates pack parses (tested)")
    }

    pub fn meta(&self) -> Option<&PackMeta> {
        self.file.pack.as_ref()
    }

    /// The file name used in sources and messages.
    pub fn name(&self) -> String {
        crate::atop::file_name(&self.path)
    }

    fn err(&self, span: Range<usize>, message: impl Into<String>) -> DataError {
        let (line, column) = line_column(&self.text, span.start);
        DataError::Pack {
            path: self.path.clone(),
            line,
            column,
            message: message.into(),
        }
    }

    fn date(&self, s: &Spanned<String>) -> Result<PartialDate, DataError> {
        parse_partial(s.get_ref()).ok_or_else(|| {
            self.err(
                s.span(),
                format!(
                    "`{}` is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY when the day is unknown)",
                    s.get_ref()
                ),
            )
        })
    }

    fn exact_date(&self, s: &Spanned<String>) -> Result<Date, DataError> {
        Date::parse(s.get_ref()).map_err(|e| self.err(s.span(), e.to_string()))
    }

    fn kinds(&self, list: &Spanned<Vec<String>>) -> Result<[bool; 5], DataError> {
        let mut out = [false; 5];
        for k in list.get_ref() {
            let kind = ObligationKind::parse(k).ok_or_else(|| {
                self.err(
                    list.span(),
                    format!(
                        "`{k}` is not an obligation: use defense, offense, neutrality, non-aggression or consultation"
                    ),
                )
            })?;
            out[kind.index()] = true;
        }
        Ok(out)
    }

    fn conditions(&self, map: &BTreeMap<String, Spanned<Vec<String>>>) -> Result<[Conditions; 5], DataError> {
        let mut out = [Conditions::NONE; 5];
        for (kind, list) in map {
            let k = ObligationKind::parse(kind).ok_or_else(|| {
                self.err(list.span(), format!("conditions for `{kind}`: not an obligation (defense, offense, neutrality, non-aggression, consultation)"))
            })?;
            for c in list.get_ref() {
                let cond = Condition::parse(c)
                    .filter(|c| c.atop_column(k).is_some())
                    .ok_or_else(|| {
                        let allowed: Vec<&str> = Condition::ALL
                            .iter()
                            .filter(|c| c.atop_column(k).is_some())
                            .map(|c| c.as_str())
                            .collect();
                        self.err(
                            list.span(),
                            format!(
                                "`{c}` is not a condition ATOP codes on {k}; use one of {}",
                                allowed.join(", ")
                            ),
                        )
                    })?;
                out[k.index()].insert(cond);
            }
        }
        Ok(out)
    }

    /// Checks every value's form, before the pack is applied to anything.
    fn check_forms(&self) -> Result<(), DataError> {
        let f = &self.file;
        if let Some(m) = &f.pack {
            for d in [&m.coverage_start, &m.coverage_end].into_iter().flatten() {
                self.exact_date(d)?;
            }
        }
        for m in &f.member {
            let entry = self.date(&m.entry)?;
            if let Some(x) = &m.exit {
                let exit = self.date(x)?;
                if exit.latest() < entry.earliest() {
                    return Err(self.err(x.span(), format!("exit {exit} is before entry {entry}")));
                }
            }
            self.kinds(&m.obligations)?;
            self.conditions(&m.conditions)?;
        }
        for x in &f.exit {
            self.date(&x.date)?;
        }
        for z in &f.freeze {
            let from = self.exact_date(&z.from)?;
            if let Some(u) = &z.until
                && self.exact_date(u)? <= from
            {
                return Err(self.err(
                    u.span(),
                    format!("freeze ends ({}) before it starts ({from})", u.get_ref()),
                ));
            }
        }
        for a in &f.amend {
            if let Some(o) = &a.obligations {
                self.kinds(o)?;
            }
            if let Some(c) = &a.conditions {
                self.conditions(c)?;
            }
        }
        for e in &f.exception {
            if self.exact_date(&e.until)? < self.exact_date(&e.from)? {
                return Err(self.err(e.until.span(), "exception ends before it starts"));
            }
        }
        Ok(())
    }

    /// The treaty names this pack gives, to label ATOP's unnamed alliances.
    pub fn treaty_names(&self) -> impl Iterator<Item = (u32, &str)> {
        self.file
            .treaty
            .iter()
            .filter_map(|t| t.name.as_deref().map(|n| (*t.atopid.get_ref(), n)))
    }

    /// The declared differences from ATOP.
    pub fn exceptions(&self) -> Vec<PackException> {
        self.file
            .exception
            .iter()
            .map(|e| PackException {
                atopid: e.atopid,
                member: e.member,
                from: Date::parse(e.from.get_ref()).expect("checked when parsed"),
                until: Date::parse(e.until.get_ref()).expect("checked when parsed"),
                reason: e.reason.clone(),
            })
            .collect()
    }

    /// Builds a treaty base from this pack alone (the built-in pack).
    pub fn standalone(&self) -> Result<TreatyBase, DataError> {
        let meta = self.meta();
        let coverage = |d: Option<&Spanned<String>>| d.map(|d| self.exact_date(d)).transpose();
        let start = coverage(meta.and_then(|m| m.coverage_start.as_ref()))?.unwrap_or(Date::first_of_year(1815));
        let end = coverage(meta.and_then(|m| m.coverage_end.as_ref()))?.unwrap_or(casus_model::ATOP_LAST_DAY);
        let mut base = TreatyBase {
            commitments: Vec::new(),
            treaties: BTreeMap::new(),
            states: StateDirectory::default(),
            coverage_start: start,
            coverage_end: end,
            origin: Origin::BuiltIn,
            packs: Vec::new(),
            directed: None,
        };
        self.apply_entries(&mut base)?;
        Ok(base)
    }

    /// Applies this pack on top of `base`, and records its name there.
    pub fn apply(&self, base: &mut TreatyBase) -> Result<(), DataError> {
        self.apply_entries(base)?;
        base.packs.push(self.name());
        Ok(())
    }

    /// Adds this pack's states (names, ISO3 codes, aliases) to `base`, nothing else:
    /// the built-in pack's names serve ATOP data too.
    pub fn apply_states(&self, base: &mut TreatyBase) {
        for s in &self.file.state {
            let c = *s.ccode.get_ref();
            if base.states.get(c).is_none() {
                base.states.insert(State {
                    ccode: c,
                    abb: s.abb.clone(),
                    name: s.name.clone(),
                    iso3: s.iso3.clone(),
                });
            } else if let Some(iso) = &s.iso3 {
                base.states.set_iso3(c, iso);
            }
            for a in &s.aliases {
                base.states.add_alias(a, c);
            }
        }
    }

    fn apply_entries(&self, base: &mut TreatyBase) -> Result<(), DataError> {
        let name = self.name();
        let src = |s: &str| SourceNote(format!("{name}: {s}"));
        self.apply_states(base);
        for t in &self.file.treaty {
            let id = *t.atopid.get_ref();
            let provisions = Provisions {
                specthrt: t.specthrt,
                threats: t.threats.clone(),
                medarb: t.medarb,
                conwtin: t.conwtin,
                conres: t.conres,
                asymm: t.asymm.unwrap_or(false),
            };
            let given = t.specthrt.is_some()
                || t.medarb.is_some()
                || t.conwtin.is_some()
                || t.conres.is_some()
                || t.asymm.is_some()
                || !t.threats.is_empty();
            match base.treaties.get_mut(&id) {
                Some(existing) => {
                    if t.name.is_some() {
                        existing.name.clone_from(&t.name);
                    }
                    if given {
                        match t.phase {
                            Some(p) => {
                                existing.phases.insert(p, provisions);
                            }
                            None => existing.provisions = provisions,
                        }
                    }
                }
                None => {
                    let Some(source) = &t.source else {
                        return Err(self.err(t.atopid.span(), format!("treaty {id} is new here: give its `source`")));
                    };
                    let mut treaty = Treaty {
                        atopid: id,
                        name: t.name.clone(),
                        provisions: Provisions::default(),
                        phases: BTreeMap::new(),
                        source: src(source),
                    };
                    match t.phase {
                        Some(p) => {
                            treaty.phases.insert(p, provisions);
                        }
                        None => treaty.provisions = provisions,
                    }
                    base.treaties.insert(id, treaty);
                }
            }
        }
        for m in &self.file.member {
            let id = self.known_treaty(base, &m.atopid)?;
            let member = self.known_state(base, &m.member)?;
            let phase = m.phase.unwrap_or_else(|| latest_phase(base, id));
            base.commitments.push(Commitment {
                atopid: id,
                phase,
                member,
                entry: self.date(&m.entry)?,
                exit: m.exit.as_ref().map(|x| self.date(x)).transpose()?,
                obligations: self.kinds(&m.obligations)?,
                conditions: self.conditions(&m.conditions)?,
                freeze: None,
                source: src(&m.source),
            });
        }
        for x in &self.file.exit {
            let id = self.known_treaty(base, &x.atopid)?;
            let member = self.known_state(base, &x.member)?;
            let date = self.date(&x.date)?;
            let day = date.earliest();
            let open: Vec<usize> = base
                .commitments
                .iter()
                .enumerate()
                .filter(|(_, c)| c.atopid == id && c.member == member && c.ends().is_none_or(|e| e > day))
                .map(|(i, _)| i)
                .collect();
            if open.is_empty() {
                return Err(self.err(
                    x.member.span(),
                    format!(
                        "{} has no membership in treaty {id} in force on {date} to end",
                        base.states.name(member)
                    ),
                ));
            }
            for i in open {
                let c = &mut base.commitments[i];
                if c.starts() >= day {
                    return Err(self.err(
                        x.date.span(),
                        format!(
                            "exit {date} is not after the entry ({}) of {} in treaty {id}",
                            c.entry,
                            base.states.name(member)
                        ),
                    ));
                }
                c.exit = Some(date);
                c.source = SourceNote(format!("{}; exit {date} from {}", c.source.0, src(&x.source).0));
            }
        }
        for z in &self.file.freeze {
            let id = self.known_treaty(base, &z.atopid)?;
            let member = self.known_state(base, &z.member)?;
            let from = self.exact_date(&z.from)?;
            let until = z.until.as_ref().map(|u| self.exact_date(u)).transpose()?;
            let mut hit = false;
            for c in base
                .commitments
                .iter_mut()
                .filter(|c| c.atopid == id && c.member == member && c.ends().is_none_or(|e| e > from))
            {
                c.freeze = Some(Freeze {
                    from,
                    until,
                    source: src(&z.source).0,
                });
                hit = true;
            }
            if !hit {
                return Err(self.err(
                    z.member.span(),
                    format!(
                        "{} is not a member of treaty {id} on {from}; nothing to freeze",
                        base.states.name(member)
                    ),
                ));
            }
        }
        for a in &self.file.amend {
            let id = self.known_treaty(base, &a.atopid)?;
            let member = a.member.as_ref().map(|m| self.known_state(base, m)).transpose()?;
            let obligations = a.obligations.as_ref().map(|o| self.kinds(o)).transpose()?;
            let conditions = a.conditions.as_ref().map(|c| self.conditions(c)).transpose()?;
            let mut hit = false;
            for c in base.commitments.iter_mut().filter(|c| {
                c.atopid == id && member.is_none_or(|m| c.member == m) && a.phase.is_none_or(|p| c.phase == p)
            }) {
                if let Some(o) = obligations {
                    c.obligations = o;
                }
                if let Some(k) = conditions {
                    c.conditions = k;
                }
                c.source = SourceNote(format!("{}; amended by {}", c.source.0, src(&a.source).0));
                hit = true;
            }
            if !hit {
                return Err(self.err(
                    a.atopid.span(),
                    format!("no membership of treaty {id} matches this amendment"),
                ));
            }
        }
        Ok(())
    }

    fn known_treaty(&self, base: &TreatyBase, id: &Spanned<u32>) -> Result<u32, DataError> {
        let v = *id.get_ref();
        if base.treaties.contains_key(&v) {
            Ok(v)
        } else {
            Err(self.err(
                id.span(),
                format!("unknown treaty id {v}: declare it with a [[treaty]] entry, or check the ATOP id"),
            ))
        }
    }

    fn known_state(&self, base: &TreatyBase, c: &Spanned<Ccode>) -> Result<Ccode, DataError> {
        let v = *c.get_ref();
        if base.states.contains(v) {
            Ok(v)
        } else {
            Err(self.err(
                c.span(),
                format!("unknown state {v}: add a [[state]] entry for it, or check the COW number"),
            ))
        }
    }
}

fn latest_phase(base: &TreatyBase, id: u32) -> u8 {
    base.commitments
        .iter()
        .filter(|c| c.atopid == id)
        .map(|c| c.phase)
        .max()
        .unwrap_or(0)
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
fn parse_partial(s: &str) -> Option<PartialDate> {
    if let Ok(d) = Date::parse(s) {
        return Some(PartialDate::exact(d));
    }
    let mut parts = s.trim().split('-');
    let year: i16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = match parts.next() {
        None => None,
        Some(m) if m.len() == 2 => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
        Some(_) => return None,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(PartialDate { year, month, day: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> TreatyBase {
        let mut b = Pack::builtin().standalone().unwrap();
        Pack::updates().apply(&mut b).unwrap();
        b
    }

    #[test]
    fn armenia_is_frozen_in_the_csto_from_2024() {
        let b = base();
        let arm = b
            .commitments
            .iter()
            .find(|c| c.atopid == 4220 && c.member == 371 && c.phase == 2)
            .unwrap();
        assert!(arm.frozen_on(Date::parse("2024-06-01").unwrap()).is_some());
        assert!(arm.frozen_on(Date::parse("2024-02-22").unwrap()).is_none());
        assert_eq!(b.packs, vec![UPDATES_NAME.to_string()]);
    }

    fn overlay(text: &str) -> Result<TreatyBase, String> {
        let mut b = base();
        Pack::parse(Path::new("o.toml"), text.to_string())
            .and_then(|p| p.apply(&mut b))
            .map_err(|e| e.to_string())?;
        Ok(b)
    }

    #[test]
    fn partial_dates_parse() {
        assert_eq!(
            parse_partial("1999-04"),
            Some(PartialDate {
                year: 1999,
                month: Some(4),
                day: None
            })
        );
        assert_eq!(
            parse_partial("1999"),
            Some(PartialDate {
                year: 1999,
                month: None,
                day: None
            })
        );
        assert_eq!(parse_partial("1999-13"), None);
        assert_eq!(parse_partial("99-04-01"), None);
    }

    #[test]
    fn an_exit_ends_a_membership_and_a_freeze_suspends_it() {
        let b = overlay(
            "[[exit]]\natopid = 4220\nmember = 705\ndate = \"2027-01-01\"\nsource = \"hypothetical\"\n\
             [[freeze]]\natopid = 4400\nmember = 703\nfrom = \"2025-01-01\"\nsource = \"hypothetical\"\n",
        )
        .unwrap();
        let kaz = b
            .commitments
            .iter()
            .find(|c| c.atopid == 4220 && c.member == 705 && c.phase == 2)
            .unwrap();
        assert!(kaz.in_force_on(Date::parse("2026-12-31").unwrap()));
        assert!(!kaz.in_force_on(Date::parse("2027-01-01").unwrap()));
        let kgz = b
            .commitments
            .iter()
            .find(|c| c.atopid == 4400 && c.member == 703)
            .unwrap();
        assert!(kgz.frozen_on(Date::parse("2025-06-01").unwrap()).is_some());
        assert_eq!(b.packs, vec![UPDATES_NAME.to_string(), "o.toml".to_string()]);
    }

    #[test]
    fn contradictions_are_placed_by_line_and_column() {
        let cases = [
            (
                "[[exit]]\natopid = 9999\nmember = 705\ndate = \"2027-01-01\"\nsource = \"x\"\n",
                "o.toml:2:10: unknown treaty id 9999",
            ),
            (
                "[[exit]]\natopid = 4220\nmember = 705\ndate = \"1990-01-01\"\nsource = \"x\"\n",
                "o.toml:4:8: exit 1990-01-01 is not after the entry",
            ),
            (
                "[[member]]\natopid = 4220\nmember = 2\nentry = \"2025-01-01\"\nobligations = [\"defense\"]\nsource = \"x\"\n",
                "o.toml:3:10: unknown state 2",
            ),
            (
                "[[member]]\natopid = 4220\nmember = 705\nentry = \"2025-01-01\"\nexit = \"2024-01-01\"\nobligations = [\"defense\"]\nsource = \"x\"\n",
                "o.toml:5:8: exit 2024-01-01 is before entry 2025-01-01",
            ),
            (
                "[[member]]\natopid = 4220\nmember = 705\nentry = \"2025-01-01\"\nobligations = [\"alliance\"]\nsource = \"x\"\n",
                "o.toml:5:15: `alliance` is not an obligation",
            ),
            (
                "[[freeze]]\natopid = 4810\nmember = 371\nfrom = \"2025-01-01\"\nsource = \"x\"\n",
                "o.toml:3:10: Armenia is not a member of treaty 4810",
            ),
            (
                "[[treaty]]\natopid = 9001\nname = \"x\"\n",
                "o.toml:2:10: treaty 9001 is new here: give its `source`",
            ),
            ("[[membr]]\natopid = 1\n", "o.toml:1:3: unknown field `membr`"),
            ("[[member]]\natopid = \"4220\"\n", "o.toml:2:10"),
        ];
        for (text, want) in cases {
            let e = overlay(text).unwrap_err();
            assert!(e.contains(want), "want {want}\n got {e}");
        }
    }

    #[test]
    fn a_new_treaty_with_members_and_an_amendment() {
        let b = overlay(
            "[[treaty]]\natopid = 9001\nname = \"Kyrgyz-Tajik mediation treaty (hypothetical)\"\nmedarb = true\nsource = \"hypothetical\"\n\
             [[member]]\natopid = 9001\nmember = 702\nentry = \"2021-01-01\"\nobligations = [\"non-aggression\", \"consultation\"]\nsource = \"hypothetical\"\n\
             [[member]]\natopid = 9001\nmember = 703\nentry = \"2021-01-01\"\nobligations = [\"non-aggression\", \"consultation\"]\nsource = \"hypothetical\"\n\
             [[amend]]\natopid = 4220\nmember = 370\nobligations = [\"consultation\"]\nsource = \"hypothetical\"\n",
        )
        .unwrap();
        assert_eq!(b.treaty(9001).unwrap().provisions.medarb, Some(true));
        assert_eq!(b.commitments.iter().filter(|c| c.atopid == 9001).count(), 2);
        let blr = b
            .commitments
            .iter()
            .find(|c| c.atopid == 4220 && c.member == 370 && c.phase == 2)
            .unwrap();
        assert!(!blr.has(ObligationKind::Defense) && blr.has(ObligationKind::Consultation));
    }
}
