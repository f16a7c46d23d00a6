//! The fonts every PDF is set in, shipped inside the binary.
//!
//! Delegations write their names in Thai, Khmer, Lao, Burmese, Vietnamese,
//! Cyrillic and Arabic; a laptop offline cannot be relied on to have fonts for
//! all of them, so Noto Sans and its script companions (SIL Open Font
//! Licence, `fonts/OFL.txt`) are embedded. Typst falls back through
//! [`FAMILIES`] cluster by cluster and shapes each script with rustybuzz.

/// The family list given to Typst, Latin (with Vietnamese and Cyrillic) first.
pub const FAMILIES: &[&str] =
    &["Noto Sans", "Noto Sans Thai", "Noto Sans Khmer", "Noto Sans Lao", "Noto Sans Myanmar", "Noto Sans Arabic"];

/// The embedded font files.
pub const FILES: &[&[u8]] = &[
    include_bytes!("../fonts/NotoSans-Regular.ttf"),
    include_bytes!("../fonts/NotoSans-Bold.ttf"),
    include_bytes!("../fonts/NotoSansThai-Regular.ttf"),
    include_bytes!("../fonts/NotoSansThai-Bold.ttf"),
    include_bytes!("../fonts/NotoSansKhmer-Regular.ttf"),
    include_bytes!("../fonts/NotoSansKhmer-Bold.ttf"),
    include_bytes!("../fonts/NotoSansLao-Regular.ttf"),
    include_bytes!("../fonts/NotoSansLao-Bold.ttf"),
    include_bytes!("../fonts/NotoSansMyanmar-Regular.ttf"),
    include_bytes!("../fonts/NotoSansMyanmar-Bold.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    include_bytes!("../fonts/NotoSansArabic-Bold.ttf"),
];
