//! The whole site once loaded: pages in a fixed order, which section lists which
//! pages, and the campaigns newest first. Built once; rendering only reads it.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use chrono::NaiveDate;

use rayon::prelude::*;

use super::awards::{Award, AwardId, Vocabulary};
use super::page::{Asset, Page, PageKind};
use super::results::{Honoree, HonoreeKind, ResultsList};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::config::SiteConfig;
use crate::text::collate;

/// Indices into the site's collections, one type per collection: a page's
/// index cannot be taken for a list's.
macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident,)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl $name {
            /// Its position in its collection.
            pub fn index(self) -> usize {
                self.0 as usize
            }

            fn of(index: usize) -> $name {
                $name(u32::try_from(index).expect("fewer than 2^32 of anything"))
            }

            /// Every id of a collection of `len` items, in order.
            fn all(len: usize) -> impl DoubleEndedIterator<Item = $name> + ExactSizeIterator {
                (0..len).map($name::of)
            }
        }
    )*};
}

ids! {
    /// A page of [`Site::pages`].
    PageId,
    /// A results list of [`Site::lists`].
    ListId,
    /// A tag of [`Site::tags`].
    TagId,
    /// A unit of site.yaml's `units:`, in its order.
    UnitId,
    /// A page of the roll by initial ([`Site::letters`]).
    LetterId,
}

/// What loading found: the pages and lists decoded, the files to copy, and
/// the paths of every page and list file, loaded or not.
#[derive(Debug, Default)]
pub struct Content {
    /// Shared with `serve`'s memory of the build (src/memo/), never copied.
    pub pages: Vec<Arc<Page>>,
    /// Pages whose front matter has errors, with their bodies: kept for the
    /// checks of their links and images (the build fails anyway).
    pub failed: Vec<Arc<Page>>,
    pub lists: Vec<Arc<ResultsList>>,
    /// Files copied as they are.
    pub assets: Vec<Asset>,
    /// A link to a page whose file has an error is not reported as broken too.
    pub found_paths: Vec<String>,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// Sorted by path, so every iteration is deterministic.
    pub pages: Vec<Arc<Page>>,
    pub assets: Vec<Asset>,
    /// The day statuses are computed against (`--today`).
    pub today: NaiveDate,
    /// For each page, the pages its list shows (sections and the home page), in
    /// display order; empty for regular pages.
    children: Vec<Vec<PageId>>,
    /// For each page, the section page it belongs to.
    parent: Vec<Option<PageId>>,
    /// Campaign pages, newest first.
    pub campaigns: Vec<PageId>,
    /// Drafts left out of this build.
    pub held_back: usize,
    pub vocabulary: Vocabulary,
    /// Every award of the lists, once, in display order; its first spelling
    /// (in the lists' order) is the one shown for all of them.
    pub awards: Vec<Award>,
    /// For each list, the award of each of its groups.
    list_awards: Vec<Vec<AwardId>>,
    /// Results lists, sorted by path.
    pub lists: Vec<Arc<ResultsList>>,
    /// The campaign page of each list.
    list_campaign: Vec<PageId>,
    /// For each page, its results lists (campaigns only): whole-campaign lists
    /// last, phase lists in phase order.
    lists_of_page: Vec<Vec<ListId>>,
    /// Every honoree under every award, in roll-of-honour order: individuals by
    /// Vietnamese name order, then collectives by name. A proposal that a
    /// decided list decides is not in it: the decision is.
    pub honours: Vec<Honour>,
    /// Each list's own honours, in roll order (its page's downloads), a
    /// decided proposal's included.
    list_honours: Vec<Vec<Honour>>,
    /// Each list's proposal, and each proposal's decided list
    /// ([`super::proposals`]).
    proposals: super::proposals::Links,
    /// The individuals of [`Site::honours`] by the initial of their given
    /// name: the roll's pages by letter, in alphabetical order.
    pub letters: Vec<Letter>,
    /// Paths of every page and list file found, including those with errors.
    pub found_paths: Vec<String>,
    /// Paths of pages and lists held back: drafts, and dated after `today`.
    pub unpublished: HashSet<String>,
    /// The pages held back, kept for their checks only (their links must
    /// work the day they are published).
    pub held: Vec<Arc<Page>>,
    /// Pages whose front matter has errors, kept for the checks of their
    /// bodies (see [`Content::failed`]).
    pub failed: Vec<Arc<Page>>,
    /// Every tag, in Vietnamese order of its name, with its pages newest first.
    pub tags: Vec<TagPages>,
}

/// The people whose given name starts with one letter.
#[derive(Debug)]
pub struct Letter {
    /// As shown: "A", "Ă", "Đ", "#" for names outside the alphabet.
    pub label: String,
    /// In its page's address: `a`, `aw`, `dd`.
    pub slug: &'static str,
    /// Indices into [`Site::honours`], in roll order.
    pub honours: Vec<usize>,
}

#[derive(Debug)]
pub struct TagPages {
    /// As first written (pages in path order).
    pub name: String,
    pub slug: String,
    pub pages: Vec<PageId>,
}

/// Groups pages by tag: one pass over the pages, then one sort per tag.
fn tag_pages(pages: &[Arc<Page>], title_keys: &TitleKeys) -> Vec<TagPages> {
    let mut by_slug: HashMap<&str, TagPages> = HashMap::default();
    for (i, page) in pages.iter().enumerate() {
        for tag in &page.meta.tags {
            by_slug
                .entry(tag.slug.as_str())
                .or_insert_with(|| TagPages {
                    name: tag.name.clone(),
                    slug: tag.slug.clone(),
                    pages: Vec::new(),
                })
                .pages
                .push(PageId::of(i));
        }
    }
    let mut tags: Vec<TagPages> = by_slug.into_values().collect();
    tags.par_iter_mut().for_each(|tag| {
        tag.pages.sort_by(|&a, &b| {
            let (a, b) = (a.index(), b.index());
            pages[b]
                .meta
                .date
                .cmp(&pages[a].meta.date)
                .then_with(|| title_keys.compare(a, b))
                .then_with(|| a.cmp(&b))
        });
    });
    tags.sort_by_cached_key(|t| (collate::key(&t.name), t.slug.clone()));
    tags
}

/// One honoree under one award of one list.
#[derive(Debug, Clone, Copy)]
pub struct Honour {
    pub list: ListId,
    pub group: usize,
    pub honoree: usize,
}

impl Site {
    pub fn page(&self, id: PageId) -> &Page {
        &self.pages[id.index()]
    }

    pub fn page_ids(&self) -> impl DoubleEndedIterator<Item = PageId> + ExactSizeIterator {
        PageId::all(self.pages.len())
    }

    pub fn list(&self, id: ListId) -> &ResultsList {
        &self.lists[id.index()]
    }

    pub fn list_ids(&self) -> impl DoubleEndedIterator<Item = ListId> + ExactSizeIterator {
        ListId::all(self.lists.len())
    }

    pub fn tag(&self, id: TagId) -> &TagPages {
        &self.tags[id.index()]
    }

    pub fn tag_ids(&self) -> impl DoubleEndedIterator<Item = TagId> + ExactSizeIterator {
        TagId::all(self.tags.len())
    }

    pub fn unit_ids(&self) -> impl DoubleEndedIterator<Item = UnitId> + ExactSizeIterator {
        UnitId::all(self.config.units.len())
    }

    pub fn unit(&self, id: UnitId) -> &super::unit::Unit {
        &self.config.units[id.index()]
    }

    pub fn letter(&self, id: LetterId) -> &Letter {
        &self.letters[id.index()]
    }

    pub fn letter_ids(&self) -> impl DoubleEndedIterator<Item = LetterId> + ExactSizeIterator {
        LetterId::all(self.letters.len())
    }

    /// The pages a section's (or the home page's) list shows, in order.
    pub fn children(&self, page: PageId) -> &[PageId] {
        &self.children[page.index()]
    }

    /// The section a page is listed in.
    pub fn parent(&self, page: PageId) -> Option<PageId> {
        self.parent[page.index()]
    }

    /// A campaign's results lists: phase lists in phase order, then the
    /// whole campaign's.
    pub fn lists_of(&self, page: PageId) -> &[ListId] {
        &self.lists_of_page[page.index()]
    }

    /// The campaign a list belongs to.
    pub fn campaign_of(&self, list: ListId) -> PageId {
        self.list_campaign[list.index()]
    }

    /// The honours of one list, in roll order.
    pub fn list_honours(&self, list: ListId) -> &[Honour] {
        &self.list_honours[list.index()]
    }

    /// The proposed list a decided list decides (its `proposal:`).
    pub fn proposal_of(&self, list: ListId) -> Option<ListId> {
        self.proposals.proposal_of[list.index()].map(ListId::of)
    }

    /// The decided list that decides a proposal.
    pub fn decided_by(&self, list: ListId) -> Option<ListId> {
        self.proposals.decided_by[list.index()].map(ListId::of)
    }

    /// The award of one group of a list.
    pub fn group_award(&self, list: ListId, group: usize) -> AwardId {
        self.list_awards[list.index()][group]
    }

    pub fn honoree(&self, h: Honour) -> &Honoree {
        &self.list(h.list).awards[h.group].honorees[h.honoree]
    }

    pub fn award_of(&self, h: Honour) -> &Award {
        self.award(self.group_award(h.list, h.group))
    }

    pub fn award(&self, id: AwardId) -> &Award {
        &self.awards[id.0 as usize]
    }

    /// The page and the sections above it, nearest first, up to the home page.
    pub fn with_sections_above(&self, page: PageId) -> impl Iterator<Item = PageId> + '_ {
        std::iter::successors(Some(page), |&p| self.parent(p))
    }
}

impl Site {
    /// Orders the pages, links sections to their pages, and reports two sources
    /// that would write the same URL.
    pub fn assemble(
        config: SiteConfig,
        vocabulary: Vocabulary,
        content: Content,
        today: NaiveDate,
        include_drafts: bool,
        diagnostics: &mut Diagnostics,
    ) -> Site {
        let Content {
            mut pages,
            failed,
            mut lists,
            mut assets,
            found_paths,
        } = content;
        let (mut unpublished, held) = if include_drafts {
            (HashSet::default(), Vec::new())
        } else {
            hold_back(&mut pages, &mut lists, &mut assets, today)
        };
        let mut held_back = unpublished.len();
        pages.par_sort_by(|a, b| a.path.cmp(&b.path).then(a.source.cmp(&b.source)));
        lists.sort_by(|a, b| a.path.cmp(&b.path).then(a.source.cmp(&b.source)));

        let title_keys = TitleKeys::new(&pages);
        // Looking for two sources of one URL needs nothing else: it runs beside
        // the linking of pages to their sections.
        let (collisions, (index, parent, children)) = rayon::join(
            || find_collisions(&pages, &lists, &assets),
            || link_sections(&pages, &title_keys),
        );
        diagnostics.extend(collisions);
        let campaigns = campaigns_newest_first(&pages, &title_keys);
        // A list whose campaign is held back (a draft) is held back with it.
        let lists_before = lists.len();
        lists.retain(|l| {
            let kept = index
                .get(l.campaign_path.as_str())
                .is_some_and(|&i| pages[i].campaign.is_some());
            if !kept && unpublished.contains(&l.campaign_path) {
                // Held back with its campaign: links to it must not pass.
                unpublished.insert(l.path.clone());
            }
            kept
        });
        held_back += lists_before - lists.len();
        let (list_campaign, lists_of_page) = lists_of_campaigns(&pages, &lists, &index);
        drop(index);
        let mut problems = Vec::new();
        let proposals = super::proposals::link(
            &lists,
            &found_paths,
            |path| unpublished.contains(path),
            &mut problems,
        );
        diagnostics.extend(problems);
        let (all_honours, tags) = rayon::join(
            || roll_order(&lists, config.reporting_year),
            || tag_pages(&pages, &title_keys),
        );
        let mut list_honours: Vec<Vec<Honour>> = vec![Vec::new(); lists.len()];
        for &h in &all_honours {
            list_honours[h.list.index()].push(h);
        }
        let mut honours = all_honours;
        honours.retain(|h| proposals.decided_by[h.list.index()].is_none());
        let (awards, list_awards) = intern_awards(&lists);
        let letters = letters(&lists, &honours);
        let ids = |indices: Vec<usize>| indices.into_iter().map(PageId::of).collect();
        Site {
            config,
            pages,
            assets,
            today,
            children: children.into_iter().map(ids).collect(),
            parent: parent.into_iter().map(|p| p.map(PageId::of)).collect(),
            campaigns: ids(campaigns),
            held_back,
            vocabulary,
            awards,
            list_awards,
            lists,
            list_campaign: ids(list_campaign),
            lists_of_page: lists_of_page
                .into_iter()
                .map(|l| l.into_iter().map(ListId::of).collect())
                .collect(),
            honours,
            list_honours,
            proposals,
            letters,
            found_paths,
            unpublished,
            held,
            failed,
            tags,
        }
    }

    pub fn home(&self) -> Option<PageId> {
        self.pages
            .iter()
            .position(|p| p.kind == PageKind::Home)
            .map(PageId::of)
    }
}

/// `a/b/c/` → `a/b/`, `a/`, `` (the home page).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    let trimmed = path.trim_end_matches('/');
    trimmed
        .rmatch_indices('/')
        .map(move |(i, _)| &path[..=i])
        .chain((!trimmed.is_empty()).then_some(""))
}

/// Section lists: by weight (pages without one last), newest date first, then title.
fn list_order(
    pages: &[Arc<Page>],
    title_keys: &TitleKeys,
    a: usize,
    b: usize,
) -> std::cmp::Ordering {
    let weight = |p: &Page| (p.meta.weight.is_none(), p.meta.weight);
    let (pa, pb) = (&pages[a], &pages[b]);
    weight(pa)
        .cmp(&weight(pb))
        .then_with(|| pb.meta.date.cmp(&pa.meta.date))
        .then_with(|| title_keys.compare(a, b))
        .then_with(|| pa.path.cmp(&pb.path))
}

/// The collation keys of the pages' titles, for the lists that sort by title
/// in Vietnamese order after their date: a key is made the first time two
/// titles are compared (only pages of the same date are), then kept, so no
/// title's key is made twice and most are never made.
struct TitleKeys<'p> {
    pages: &'p [Arc<Page>],
    keys: Vec<std::sync::OnceLock<collate::Key>>,
}

impl<'p> TitleKeys<'p> {
    fn new(pages: &'p [Arc<Page>]) -> TitleKeys<'p> {
        TitleKeys {
            pages,
            keys: (0..pages.len()).map(|_| Default::default()).collect(),
        }
    }

    fn compare(&self, a: usize, b: usize) -> std::cmp::Ordering {
        self.key(a).cmp(self.key(b))
    }

    fn key(&self, i: usize) -> &collate::Key {
        self.keys[i].get_or_init(|| collate::key(&self.pages[i].meta.title))
    }
}

/// The date a campaign is known by: issued, else its first phase's start.
fn campaign_date(page: &Page) -> Option<NaiveDate> {
    page.campaign.as_ref()?.date()
}

/// Individuals in Vietnamese name order, then collectives by name; the same name
/// newest year first. Keys are computed once per honoree, in parallel.
fn roll_order(
    lists: &[Arc<ResultsList>],
    counted: crate::model::config::ReportingYear,
) -> Vec<Honour> {
    /// Kind, then name, then newest year: the roll's order; then the source order.
    type RollKey = (
        HonoreeKind,
        Vec<collate::Key>,
        std::cmp::Reverse<Option<i32>>,
        Honour,
    );
    let mut keyed: Vec<RollKey> = lists
        .par_iter()
        .enumerate()
        .flat_map_iter(|(l, list)| {
            list.awards.iter().enumerate().flat_map(move |(g, group)| {
                group.honorees.iter().enumerate().map(move |(h, honoree)| {
                    let key = match honoree.kind {
                        HonoreeKind::Individual => collate::name_key(&honoree.name),
                        HonoreeKind::Collective => vec![collate::key(&honoree.name)],
                    };
                    (
                        honoree.kind,
                        key,
                        std::cmp::Reverse(list.year(counted)),
                        Honour {
                            list: ListId::of(l),
                            group: g,
                            honoree: h,
                        },
                    )
                })
            })
        })
        .collect();
    keyed.par_sort_by(|a, b| {
        (a.0, &a.1, a.2).cmp(&(b.0, &b.1, b.2)).then_with(|| {
            (a.3.list, a.3.group, a.3.honoree).cmp(&(b.3.list, b.3.group, b.3.honoree))
        })
    });
    keyed.into_iter().map(|k| k.3).collect()
}

/// The individuals of the roll by the initial of their given name, each
/// letter in the order first met (the roll's order is alphabetical).
fn letters(lists: &[Arc<ResultsList>], honours: &[Honour]) -> Vec<Letter> {
    let mut letters: Vec<Letter> = Vec::new();
    for (i, h) in honours.iter().enumerate() {
        let honoree = &lists[h.list.index()].awards[h.group].honorees[h.honoree];
        if honoree.kind != HonoreeKind::Individual {
            continue;
        }
        let given = honoree.name.split_whitespace().last().unwrap_or_default();
        let (label, slug) = collate::initial(given);
        match letters.iter_mut().find(|l| l.slug == slug) {
            Some(letter) => letter.honours.push(i),
            None => letters.push(Letter {
                label,
                slug,
                honours: vec![i],
            }),
        }
    }
    letters
}

/// One [`Award`] per award of the lists: spellings of one award (one
/// [`Award::key`]) share the first spelling met.
fn intern_awards(lists: &[Arc<ResultsList>]) -> (Vec<Award>, Vec<Vec<AwardId>>) {
    let mut first: Vec<Award> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    let keyed: Vec<Vec<usize>> = lists
        .iter()
        .map(|list| {
            list.awards
                .iter()
                .map(|group| {
                    let key = group.award.key();
                    *index.entry(key).or_insert_with(|| {
                        first.push(group.award.clone());
                        first.len() - 1
                    })
                })
                .collect()
        })
        .collect();
    let mut order: Vec<usize> = (0..first.len()).collect();
    order.sort_by(|&a, &b| super::awards::display_order(&first[a], &first[b]));
    let mut id_of = vec![AwardId(0); first.len()];
    for (id, &i) in order.iter().enumerate() {
        id_of[i] = AwardId(id as u16);
    }
    let awards = order.iter().map(|&i| first[i].clone()).collect();
    let list_awards = keyed
        .into_iter()
        .map(|groups| groups.into_iter().map(|i| id_of[i]).collect())
        .collect();
    (awards, list_awards)
}

/// Drafts and pages dated after today wait; so do lists published after
/// today, and a held-back bundle's files. Returns the paths held back and the
/// pages held (their links are checked, never published).
fn hold_back(
    pages: &mut Vec<Arc<Page>>,
    lists: &mut Vec<Arc<ResultsList>>,
    assets: &mut Vec<Asset>,
    today: NaiveDate,
) -> (HashSet<String>, Vec<Arc<Page>>) {
    let mut unpublished: HashSet<String> = HashSet::default();
    for page in pages.iter() {
        if page.meta.draft || page.meta.date.is_some_and(|d| d > today) {
            unpublished.insert(page.path.clone());
        }
    }
    for list in lists.iter() {
        if list.draft || list.published.is_some_and(|d| d > today) {
            unpublished.insert(list.path.clone());
        }
    }
    // Nothing held back (the usual build): nothing to filter.
    if unpublished.is_empty() {
        return (unpublished, Vec::new());
    }
    // The files of a held-back bundle stay back too (not those of pages
    // published below it).
    let held_bundles: Vec<&str> = pages
        .iter()
        .filter(|p| unpublished.contains(&p.path) && p.source.ends_with("index.md"))
        .map(|p| p.path.as_str())
        .collect();
    let published: Vec<&str> = pages
        .iter()
        .filter(|p| !unpublished.contains(&p.path))
        .map(|p| p.path.as_str())
        .collect();
    assets.retain(|a| {
        let owner = held_bundles
            .iter()
            .filter(|held| a.out.starts_with(**held))
            .map(|held| held.len())
            .max();
        match owner {
            None => true,
            // A published page deeper than the held bundle owns the file.
            Some(depth) => published
                .iter()
                .any(|p| p.len() > depth && a.out.starts_with(*p)),
        }
    });
    let (kept, held): (Vec<_>, Vec<_>) = std::mem::take(pages)
        .into_iter()
        .partition(|p| !unpublished.contains(&p.path));
    *pages = kept;
    lists.retain(|l| !unpublished.contains(&l.path));
    (unpublished, held)
}

/// Each page's section (the nearest folder above it with a list page), and
/// each section's pages in list order; with the index of pages by path.
#[allow(clippy::type_complexity)]
fn link_sections<'p>(
    pages: &'p [Arc<Page>],
    title_keys: &TitleKeys,
) -> (HashMap<&'p str, usize>, Vec<Option<usize>>, Vec<Vec<usize>>) {
    let index: HashMap<&str, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.path.as_str(), i))
        .collect();
    let parent: Vec<Option<usize>> = pages
        .par_iter()
        .map(|page| {
            if page.kind == PageKind::Home {
                return None;
            }
            ancestors(&page.path)
                .filter_map(|p| index.get(p).copied())
                .find(|&j| pages[j].kind != PageKind::Regular)
        })
        .collect();
    let mut children = vec![Vec::new(); pages.len()];
    for (i, section) in parent.iter().enumerate() {
        if let Some(j) = *section {
            children[j].push(i);
        }
    }
    children
        .par_iter_mut()
        .for_each(|list| list.sort_by(|&a, &b| list_order(pages, title_keys, a, b)));
    (index, parent, children)
}

/// The campaigns, newest first, then by title.
fn campaigns_newest_first(pages: &[Arc<Page>], title_keys: &TitleKeys) -> Vec<usize> {
    let mut campaigns: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].campaign.is_some())
        .collect();
    campaigns.sort_by(|&a, &b| {
        campaign_date(&pages[b])
            .cmp(&campaign_date(&pages[a]))
            .then_with(|| title_keys.compare(a, b))
    });
    campaigns
}

/// Each list's campaign page, and each campaign's lists in the order of its
/// phases, then by path.
fn lists_of_campaigns(
    pages: &[Arc<Page>],
    lists: &[Arc<ResultsList>],
    index: &HashMap<&str, usize>,
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let list_campaign: Vec<usize> = lists
        .iter()
        .map(|l| index[l.campaign_path.as_str()])
        .collect();
    let mut lists_of_page = vec![Vec::new(); pages.len()];
    for (i, &page) in list_campaign.iter().enumerate() {
        lists_of_page[page].push(i);
    }
    for (page, of_page) in lists_of_page.iter_mut().enumerate() {
        let Some(campaign) = &pages[page].campaign else {
            continue;
        };
        let phase_order = |l: &ResultsList| {
            l.phase
                .as_ref()
                .and_then(|id| campaign.phases.iter().position(|p| &p.id == id))
                .unwrap_or(usize::MAX)
        };
        of_page.sort_by(|&a, &b| {
            phase_order(&lists[a])
                .cmp(&phase_order(&lists[b]))
                .then_with(|| lists[a].path.cmp(&lists[b].path))
        });
    }
    (list_campaign, lists_of_page)
}

/// Two sources that would write the same URL.
fn find_collisions(
    pages: &[Arc<Page>],
    lists: &[Arc<ResultsList>],
    assets: &[Asset],
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut seen: HashMap<String, &std::path::Path> = HashMap::default();
    let outputs = pages
        .iter()
        .map(|p| ([p.path.as_str(), "index.html"].concat(), p.source.as_path()))
        .chain(
            lists
                .iter()
                .map(|l| ([l.path.as_str(), "index.html"].concat(), l.source.as_path())),
        )
        .chain(assets.iter().map(|a| (a.out.clone(), a.rel.as_path())));
    for (out, source) in outputs {
        if let Some(first) = seen.get(&out) {
            found.push(
                Diagnostic::error(
                    source,
                    Pos::START,
                    format!(
                        "this file and {} would both be published as /{out}",
                        first.display()
                    ),
                )
                .with_help("rename one of them"),
            );
        } else {
            seen.insert(out, source);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ancestors_go_up_to_the_home_page() {
        let all: Vec<&str> = ancestors("a/b/c/").collect();
        assert_eq!(all, ["a/b/", "a/", ""]);
        assert_eq!(ancestors("a/").collect::<Vec<_>>(), [""]);
        assert!(ancestors("").next().is_none());
    }
}
