//! From proposal to decision: a decided list may name the proposed list it
//! decides (`proposal: du-kien`). Linked once, when the site is assembled,
//! with every check of the link; then what the decision changed is read from
//! the two lists ([`changes`]).
//!
//! One proposal is decided by one list. A second decided list naming it is an
//! error: each list's comparison would count the other's honorees as
//! removed, and the proposal's page could not say which decision is its. An
//! office that splits a proposal between two authorities publishes a
//! proposal for each.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::awards::AwardId;
use super::results::{HonoreeKind, ListStatus, ResultsList};
use crate::diagnostics::Diagnostic;
use crate::text::slug::slugify;
use crate::text::suggest;

/// For each list (by index in the site's sorted lists): the proposal it
/// decides, and the decided list that decides it. Only links that passed
/// every check are made.
#[derive(Debug, Default)]
pub struct Links {
    pub proposal_of: Vec<Option<usize>>,
    pub decided_by: Vec<Option<usize>>,
}

/// Links each decided list to the proposal it names, reporting a name that
/// is not a published proposed list of the same campaign, a proposal named
/// twice, and a decision dated before the proposal's comments close.
/// `found` are the paths of every list file, loaded or not (one with errors
/// is reported for those); `unpublished` those held back.
pub fn link(
    lists: &[Arc<ResultsList>],
    found: &[String],
    is_unpublished: impl Fn(&str) -> bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Links {
    let mut links = Links {
        proposal_of: vec![None; lists.len()],
        decided_by: vec![None; lists.len()],
    };
    let by_path: HashMap<&str, usize> = lists
        .iter()
        .enumerate()
        .map(|(i, l)| (l.path.as_str(), i))
        .collect();
    for (i, list) in lists.iter().enumerate() {
        let Some(name) = &list.proposal else {
            continue;
        };
        let error =
            |message: String| Diagnostic::error(list.source.clone(), list.proposal_pos, message);
        let path = format!("{}{}/", list.campaign_path, slugify(name));
        let Some(&p) = by_path.get(path.as_str()) else {
            if is_unpublished(&path) {
                diagnostics.push(
                    error(format!("the proposal `{name}` is not published: it is a draft or published after today"))
                        .with_help("a decision is compared with its proposal on the site, so the proposal is published first (remove its `draft: true` or its later `published` date)"),
                );
            } else if !found.contains(&path) {
                diagnostics.push(
                    error(format!("the campaign has no results list `{name}`"))
                        .with_help(missing_help(lists, list, name)),
                );
            }
            continue;
        };
        let proposal = &lists[p];
        if proposal.status != ListStatus::Proposed {
            diagnostics.push(
                error(format!("`{name}` is a decided list, not a proposal"))
                    .with_help("`proposal:` names the proposed list (`status: proposed`) this decision comes from"),
            );
            continue;
        }
        if let Some(first) = links.decided_by[p] {
            diagnostics.push(
                error(format!(
                    "the proposal `{name}` is already decided by {}",
                    lists[first].source.display()
                ))
                .with_help(
                    "a proposal is decided by one list; publish a proposal for each decision",
                ),
            );
            continue;
        }
        if let (Some(decision), Some(until)) = (&list.decision, proposal.comment_until)
            && decision.date <= until
        {
            diagnostics.push(
                error(format!(
                    "the decision is dated {}, but comments on the proposal `{name}` are open until {until}",
                    decision.date
                ))
                .with_help("the public comment period ends before the decision; correct one of the dates"),
            );
        }
        links.proposal_of[i] = Some(p);
        links.decided_by[p] = Some(i);
    }
    links
}

/// The proposed lists of the campaign, to say what `proposal:` can name.
fn missing_help(lists: &[Arc<ResultsList>], list: &ResultsList, name: &str) -> String {
    let names: Vec<String> = lists
        .iter()
        .filter(|l| l.campaign_path == list.campaign_path && l.status == ListStatus::Proposed)
        .filter_map(|l| {
            l.source
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .collect();
    match suggest::closest(name, names.iter().map(String::as_str)) {
        Some(s) => format!("did you mean `{s}`?"),
        None if names.is_empty() => {
            "the campaign has no proposed list; `proposal:` names one beside this list".to_owned()
        }
        None => format!("the campaign's proposed lists are: {}", names.join(", ")),
    }
}

/// What a decision changed from its proposal. An honoree is matched by
/// [`super::results::Honoree::identity`] (kind, name's spelling, unit id);
/// their awards are compared as sets of the site's awards (spellings of one
/// award are one award).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// In the decision only, in its order.
    pub added: Vec<Change>,
    /// In the proposal only, in its order.
    pub removed: Vec<Change>,
    /// In both, with other awards, in the decision's order.
    pub changed: Vec<Change>,
}

/// One honoree's change: its first record (group, honoree) in the decided
/// list (in the proposal for one removed), and its awards before and after.
#[derive(Debug, PartialEq, Eq)]
pub struct Change {
    pub record: (usize, usize),
    pub from: Vec<AwardId>,
    pub to: Vec<AwardId>,
}

type Identity<'l> = (HonoreeKind, String, Option<&'l str>);

/// One side of a comparison: each honoree's first record and its awards, in
/// the list's order, and where each identity is.
struct Side<'l> {
    entries: Vec<((usize, usize), Vec<AwardId>)>,
    at: HashMap<Identity<'l>, usize>,
    order: Vec<Identity<'l>>,
}

fn side(list: &ResultsList, award: impl Fn(usize) -> AwardId) -> Side<'_> {
    let mut side = Side {
        entries: Vec::new(),
        at: HashMap::default(),
        order: Vec::new(),
    };
    for (g, group) in list.awards.iter().enumerate() {
        for (h, honoree) in group.honorees.iter().enumerate() {
            let identity = honoree.identity();
            match side.at.get(&identity) {
                Some(&i) => side.entries[i].1.push(award(g)),
                None => {
                    side.at.insert(identity.clone(), side.entries.len());
                    side.order.push(identity);
                    side.entries.push(((g, h), vec![award(g)]));
                }
            }
        }
    }
    for (_, awards) in &mut side.entries {
        awards.sort_unstable();
        awards.dedup();
    }
    side
}

/// The changes from `proposal` to `decided`; `proposal_award(group)` and
/// `decided_award(group)` are the site's awards of each list's groups
/// (`Site::group_award`).
pub fn changes(
    proposal: &ResultsList,
    decided: &ResultsList,
    proposal_award: impl Fn(usize) -> AwardId,
    decided_award: impl Fn(usize) -> AwardId,
) -> Changes {
    let before = side(proposal, proposal_award);
    let after = side(decided, decided_award);
    let mut changes = Changes::default();
    for (identity, (record, to)) in after.order.iter().zip(&after.entries) {
        match before.at.get(identity) {
            None => changes.added.push(Change {
                record: *record,
                from: Vec::new(),
                to: to.clone(),
            }),
            Some(&b) if before.entries[b].1 != *to => changes.changed.push(Change {
                record: *record,
                from: before.entries[b].1.clone(),
                to: to.clone(),
            }),
            Some(_) => {}
        }
    }
    for (identity, (record, from)) in before.order.iter().zip(&before.entries) {
        if !after.at.contains_key(identity) {
            changes.removed.push(Change {
                record: *record,
                from: from.clone(),
                to: Vec::new(),
            });
        }
    }
    changes
}
