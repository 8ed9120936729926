//! "Did you mean …?": the closest known word to a misspelt one.

/// The candidate closest to `word` by edit distance (adjacent swaps count as one
/// edit), if it is close enough to be a plausible typo. Ties keep the first candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    closest_within(word, candidates, limit)
}

/// Like [`closest`], with the largest accepted number of edits given.
pub fn closest_within<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Option<&'a str> {
    let word: Vec<char> = word.to_lowercase().chars().collect();
    candidates
        .into_iter()
        .filter_map(|c| {
            let candidate: Vec<char> = c.to_lowercase().chars().collect();
            // The distance is at least the difference of the lengths: a
            // 25 KB value pasted by mistake is not compared letter by letter.
            (word.len().abs_diff(candidate.len()) <= limit)
                .then(|| (distance(&word, &candidate), c))
        })
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// Optimal string alignment distance.
pub fn distance(a: &[char], b: &[char]) -> usize {
    let width = b.len() + 1;
    let mut rows = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        rows[at(i, 0)] = i;
    }
    for j in 0..=b.len() {
        rows[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[at(i - 1, j)] + 1)
                .min(rows[at(i, j - 1)] + 1)
                .min(rows[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[at(i - 2, j - 2)] + 1);
            }
            rows[at(i, j)] = best;
        }
    }
    rows[at(a.len(), b.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_but_not_unrelated_words() {
        let keys = ["title", "date", "summary", "draft"];
        assert_eq!(closest("titel", keys), Some("title"));
        assert_eq!(closest("Summary", keys), Some("summary"));
        assert_eq!(closest("dat", keys), Some("date"));
        assert_eq!(closest("motto", keys), None);
    }
}
