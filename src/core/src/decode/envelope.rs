//! Shapes shared by several wire formats: nullable objects and arrays, a body that is one
//! object or an array of them, the OpenAI-style `[DONE]` terminator, and events named as
//! errors.

use super::facts::{Builder, EventFacts};
use super::json::{JsonError, RawStr, Reader};
use super::DecodeError;

/// Reads an object value; `null` is consumed without calling `member`. Any other value is
/// an error (the APIs read here only ever send an object or `null` where this is used).
pub(crate) fn opt_object<'a, F>(r: &mut Reader<'a>, member: F) -> Result<(), JsonError>
where
    F: FnMut(RawStr<'a>, &mut Reader<'a>) -> Result<(), JsonError>,
{
    if r.null()? {
        Ok(())
    } else {
        r.object(member)
    }
}

/// Reads an array value; `null` is consumed without calling `element`. Any other value is
/// an error.
pub(crate) fn opt_array<'a, F>(r: &mut Reader<'a>, element: F) -> Result<(), JsonError>
where
    F: FnMut(&mut Reader<'a>) -> Result<(), JsonError>,
{
    if r.null()? {
        Ok(())
    } else {
        r.array(element)
    }
}

/// The next value as a string if it is one. Otherwise `Ok(None)` and the value is NOT
/// consumed, so the caller can read it as something else. (Relies on
/// [`Reader::string`] failing with `UnexpectedByte` only on its opening quote, before
/// consuming anything; `try_string_leaves_other_values_unread` checks it.)
pub(crate) fn try_string<'a>(r: &mut Reader<'a>) -> Result<Option<RawStr<'a>>, JsonError> {
    match r.string() {
        Ok(s) => Ok(Some(s)),
        Err(JsonError::UnexpectedByte(_)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Whether a value is present: anything but `null` (the value is consumed).
pub(crate) fn present(r: &mut Reader<'_>) -> Result<bool, JsonError> {
    if r.null()? {
        Ok(false)
    } else {
        r.skip()?;
        Ok(true)
    }
}

/// The first byte of a document that is not white space.
pub(crate) fn first_byte(data: &[u8]) -> Option<u8> {
    data.trim_ascii_start().first().copied()
}

/// The OpenAI-style stream terminator, `data: [DONE]` (white space around it ignored).
pub(crate) fn is_done_marker(data: &[u8]) -> bool {
    data.trim_ascii() == b"[DONE]"
}

/// The facts of a terminator-only event (`[DONE]`).
pub(crate) fn terminator_facts<'a>() -> EventFacts<'a> {
    EventFacts {
        terminator: true,
        ..EventFacts::default()
    }
}

/// The facts of an error event whose payload says nothing more.
pub(crate) fn error_facts<'a>() -> EventFacts<'a> {
    EventFacts {
        error: true,
        ..EventFacts::default()
    }
}

/// Reads a document that is one object or an array of them (Gemini and TGI whole bodies),
/// calling `read` on each object.
pub(crate) fn object_or_array<'a, F>(data: &'a [u8], mut read: F) -> Result<(), JsonError>
where
    F: FnMut(&mut Reader<'a>) -> Result<(), JsonError>,
{
    let mut r = Reader::new(data);
    if first_byte(data) == Some(b'[') {
        r.array(read)
    } else {
        read(&mut r)
    }
}

/// Reads one event with `read`. An event named as an error (`named_error`: SSE `event:
/// error`) is an error event whatever its data says, also when its data cannot be read;
/// with [`NamedError::Marks`] a readable one is marked as an error too, with
/// [`NamedError::WhenUnreadable`] its own data decides.
pub(crate) fn read_named<'a>(
    named_error: bool,
    policy: NamedError,
    on_text: &mut dyn FnMut(RawStr<'_>),
    read: impl FnOnce(&mut Builder<'a, '_>) -> Result<(), JsonError>,
) -> Result<EventFacts<'a>, DecodeError> {
    let mut b = Builder::new(on_text);
    match read(&mut b) {
        Ok(()) => {
            if named_error && policy == NamedError::Marks {
                b.error();
            }
            Ok(b.done())
        }
        Err(_) if named_error => Ok(error_facts()),
        Err(e) => Err(e.into()),
    }
}

/// What an event named as an error means when its data can be read ([`read_named`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NamedError {
    /// The event is an error.
    Marks,
    /// The data says whether it is an error (Anthropic's typed events).
    WhenUnreadable,
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn try_string_leaves_other_values_unread() {
        let mut r = Reader::new(br#"[ "a", [1], {"b":2}, null, 3]"#);
        let mut seen = Vec::new();
        r.array(|r| {
            match try_string(r)? {
                Some(s) => seen.push(String::from_utf8_lossy(s.0).into_owned()),
                None => {
                    r.skip()?;
                    seen.push("-".to_owned());
                }
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["a", "-", "-", "-", "-"]);
        assert_eq!(
            try_string(&mut Reader::new(br#""abc"#)),
            Err(JsonError::UnexpectedEnd)
        );
    }
}
