//! The print-ready PDFs of the programme and the list of participants: A4,
//! set by Typst from the templates in `templates/` with the embedded fonts.

use crate::error::Result;
use crate::participants::ParticipantList;
use crate::programme::Programme;
use crate::typeset;

const PROGRAMME: &str = include_str!("templates/programme.typ");
const PARTICIPANTS: &str = include_str!("templates/participants.typ");

/// The programme as a PDF.
pub fn programme(programme: &Programme) -> Result<Vec<u8>> {
    typeset::pdf(PROGRAMME, programme)
}

/// The list of participants as a PDF.
pub fn participants(list: &ParticipantList) -> Result<Vec<u8>> {
    typeset::pdf(PARTICIPANTS, list)
}
