//! URL slugs: lowercase ASCII words joined by `-`, Vietnamese letters without their
//! marks ("Đợt thi đua" → `dot-thi-dua`).

/// The slug of `text`. `đ`/`Đ` become `d` (deunicode would agree, but it is the one
/// letter editors ask about, so it is spelled out here and pinned by a test).
pub fn slugify(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            c => c,
        })
        .collect();
    slug::slugify(mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_slugs() {
        assert_eq!(slugify("Tin tức"), "tin-tuc");
        assert_eq!(slugify("Đợt 1"), "dot-1");
        assert_eq!(
            slugify("Phòng Tổ chức - Biên chế"),
            "phong-to-chuc-bien-che"
        );
        assert_eq!(slugify("  Ủy ban  nhân dân  "), "uy-ban-nhan-dan");
        // NFD input gives the same slug as NFC.
        assert_eq!(slugify("Đo\u{0323}\u{031b}t"), "dot");
    }
}
