//! Full names split into honorific, given and family name, only where the
//! split is safe: "Santos, Maria" (the comma says which part is which),
//! "Maria Santos" (two words), "Maria SANTOS" (the family name in capitals,
//! as UN lists write it), "Ana de la Cruz" or "Ludwig van Beethoven" (the
//! family name starts at its particle). Any other name of three words or more
//! is split by the likeliest rule, with Spanish and Portuguese double surnames
//! kept whole ("María José García López": given "María José", family "García
//! López"; three words: the last is the family name), and the row says so, so
//! that the person checks it in the preview (given and family name side by
//! side) or gives the file a column of each.

const HONORIFICS: &[&str] = &[
    "h.e.",
    "he",
    "h.e",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "professor",
    "hon.",
    "hon",
    "sir",
    "dame",
    "amb.",
    "ambassador",
    "mx",
    "mx.",
];

/// The particles a family name starts with, in the languages of the plans' delegations.
const PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "das", "do", "dos", "di", "du", "van", "von", "der", "den", "le", "la", "bin", "binti",
    "ibn", "al", "el", "ben",
];

/// A full name split in three.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitName {
    pub honorific: String,
    pub given: String,
    pub family: String,
    /// The split followed a rule of the name itself (a comma, two words,
    /// capitals, a particle), not a guess.
    pub certain: bool,
}

fn split(honorific: String, given: &[&str], family: &[&str], certain: bool) -> SplitName {
    SplitName { honorific, given: given.join(" "), family: family.join(" "), certain }
}

/// A word written all in capitals ("SANTOS", "DE LA CRUZ" word by word).
fn in_capitals(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(char::is_lowercase)
}

/// "H.E. Mr Phuchphop Mongkolnavin" → ("H.E. Mr", "Phuchphop", "Mongkolnavin"); see the module's rules.
pub fn split_full_name(full: &str) -> SplitName {
    let full = full.trim();
    if let Some((family, given)) = full.split_once(',') {
        return SplitName {
            honorific: String::new(),
            given: given.trim().to_owned(),
            family: family.trim().to_owned(),
            certain: true,
        };
    }
    let words: Vec<&str> = full.split_whitespace().collect();
    let titles = words.iter().take_while(|w| HONORIFICS.contains(&w.to_lowercase().as_str())).count();
    let titles = titles.min(words.len().saturating_sub(1));
    let honorific = words[..titles].join(" ");
    let rest = &words[titles..];
    if rest.len() <= 2 {
        return match rest {
            [] => split(honorific, &[], &[], true),
            [only] => split(honorific, &[], &[only], true),
            [given, family] => split(honorific, &[given], &[family], true),
            _ => unreachable!("two words at most"),
        };
    }
    // The family name in capitals, before or after the given names (not a name all in capitals).
    let capitals = rest.iter().filter(|w| in_capitals(w)).count();
    if capitals > 0 && capitals < rest.len() {
        let leading = rest.iter().take_while(|w| in_capitals(w)).count();
        let trailing = rest.iter().rev().take_while(|w| in_capitals(w)).count();
        if leading == capitals {
            return split(honorific, &rest[leading..], &rest[..leading], true);
        }
        if trailing == capitals {
            return split(honorific, &rest[..rest.len() - trailing], &rest[rest.len() - trailing..], true);
        }
    }
    if let Some(at) = rest.iter().skip(1).position(|w| PARTICLES.contains(&w.to_lowercase().as_str())) {
        return split(honorific, &rest[..at + 1], &rest[at + 1..], true);
    }
    // A guess: two family names from four words on (Spanish and Portuguese), else one.
    let family = if rest.len() >= 4 { 2 } else { 1 };
    split(honorific, &rest[..rest.len() - family], &rest[rest.len() - family..], false)
}

/// What a row whose name was guessed says, for the person to check.
pub fn guessed(full: &str, name: &SplitName) -> String {
    format!(
        "“{}” read as given name “{}” and family name “{}”: check it, or give the file a column of each",
        full.trim(),
        name.given,
        name.family
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(full: &str) -> (String, String, String, bool) {
        let s = split_full_name(full);
        (s.honorific, s.given, s.family, s.certain)
    }

    fn p(honorific: &str, given: &str, family: &str, certain: bool) -> (String, String, String, bool) {
        (honorific.into(), given.into(), family.into(), certain)
    }

    #[test]
    fn names_are_split_where_the_name_itself_says_how() {
        assert_eq!(parts("H.E. Mr Phuchphop Mongkolnavin"), p("H.E. Mr", "Phuchphop", "Mongkolnavin", true));
        assert_eq!(parts("Santos, Maria"), p("", "Maria", "Santos", true));
        assert_eq!(parts("Dr Sok"), p("Dr", "", "Sok", true));
        assert_eq!(parts("Mr"), p("", "", "Mr", true));
        assert_eq!(parts("Maria Luisa SANTOS"), p("", "Maria Luisa", "SANTOS", true));
        assert_eq!(parts("NGUYEN Thi Huong"), p("", "Thi Huong", "NGUYEN", true));
        assert_eq!(parts("María José GARCÍA LÓPEZ"), p("", "María José", "GARCÍA LÓPEZ", true));
        assert_eq!(parts("Ana de la Cruz"), p("", "Ana", "de la Cruz", true));
        assert_eq!(parts("Juan Pablo dos Santos"), p("", "Juan Pablo", "dos Santos", true));
        assert_eq!(parts("Mohd Azlan bin Abdullah"), p("", "Mohd Azlan", "bin Abdullah", true));
    }

    #[test]
    fn other_names_are_guessed_with_double_surnames_whole_and_say_so() {
        assert_eq!(parts("María José García López"), p("", "María José", "García López", false));
        assert_eq!(parts("Ms Ana Paula Souza Lima"), p("Ms", "Ana Paula", "Souza Lima", false));
        assert_eq!(parts("Juan García López"), p("", "Juan García", "López", false));
        assert_eq!(
            parts("MARIA DE SOUZA LIMA"),
            p("", "MARIA", "DE SOUZA LIMA", true),
            "all in capitals: the particle"
        );
        let note = guessed("Juan García López", &split_full_name("Juan García López"));
        assert!(note.contains("“Juan García”") && note.contains("“López”"), "{note}");
    }
}
