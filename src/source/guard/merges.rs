//! Limits on a sheet's merged regions.

use super::Limits;
use crate::source::SourceError;

/// Fails when indexing a sheet's merged regions by column would exceed the limit.
pub(crate) fn check_merge_index(
    sheet: &crate::source::grid::Sheet,
    limits: &Limits,
) -> Result<(), SourceError> {
    let width = sheet.width();
    let total: u64 = sheet
        .merges
        .iter()
        .filter(|m| m.first.col < width)
        .map(|m| u64::from(m.last.col.min(width.saturating_sub(1)) - m.first.col + 1))
        .sum();
    if total > limits.max_merge_columns {
        return Err(SourceError::TooLarge(format!(
            "sheet {}: its merged regions span {total} columns in all (limit {})",
            sheet.name, limits.max_merge_columns
        )));
    }
    Ok(())
}
