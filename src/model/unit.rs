//! The offices of the department (site.yaml `units:`): honours are filed
//! under them, and each has its page.

use crate::decode::yaml::Node;
use crate::decode::{Decode, Decoder};
use crate::diagnostics::Pos;
use crate::text::slug::slugify;

/// An office of the department (phòng, ban, trung tâm): honours are filed under it.
#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// Where the id is written, for messages.
    pub pos: Pos,
}

pub const KEYS: &[&str] = &["id", "name"];

impl Decode for Unit {
    fn decode(d: &mut Decoder, node: &Node) -> Option<Self> {
        let what = "a unit";
        let f = d.fields(node, what, KEYS)?;
        let id: Option<String> = f.req(d, "id", what);
        let name = f.req_text(d, "name", what);
        let id = id?;
        if slugify(&id) != id {
            d.error(
                f.pos_of("id"),
                format!("the unit id `{id}` must be lowercase letters, digits and `-`"),
            )
            .help = Some(format!("write `{}`", slugify(&id)));
        }
        Some(Unit {
            id,
            name: name?,
            pos: f.pos_of("id"),
        })
    }
}

/// Two units with one id: an error at the second.
pub(crate) fn check_unique(d: &mut Decoder, units: &[Unit]) {
    for (i, unit) in units.iter().enumerate() {
        if let Some(first) = units[..i].iter().find(|u| u.id == unit.id) {
            let line = first.pos.line;
            d.error(unit.pos, format!("the unit id `{}` is used twice", unit.id))
                .help = Some(format!("it is already the id on line {line}"));
        }
    }
}
