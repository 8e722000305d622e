//! Safety checks on a file's container, made before any reader allocates for it.
//!
//! Spreadsheet readers trust the sizes and pointers a file declares. A hostile or corrupt file
//! can declare a part that inflates to gigabytes (a "zip bomb"), or a compound-file chain that
//! loops forever; calamine then allocates until the process aborts. These checks walk the
//! container first, within fixed [`Limits`], and turn such files into a clear
//! [`crate::source::SourceError`] that names what is wrong and where.
//!
//! The limits follow Apache POI's `ZipSecureFile`: a part may inflate at most
//! `Limits::max_part_bytes`, and a part larger than `Limits::ratio_floor_bytes` may not
//! inflate more than `Limits::max_inflate_ratio` times its compressed size (POI's default
//! 0.01). Unlike POI, a smaller part may: Excel writes parts that inflate 121-fold (a sheet of
//! long repeated strings in SheetJS's test files), which are no danger at 57 MB. What bounds
//! the work instead is the whole container, which may not inflate beyond that ratio times the
//! file's size once past the same floor. They are checked on the sizes each part declares; the
//! zip reader stops a part that inflates past its declaration, so a lying part fails as soon
//! as it lies.

pub(crate) mod archive;
pub(crate) mod biff;
pub(crate) mod cfb;
pub(crate) mod merges;

/// Resource limits for reading one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest input file read at all.
    pub(crate) max_file_bytes: u64,
    /// Largest inflated size of one part of a zip container.
    pub(crate) max_part_bytes: u64,
    /// Largest inflated size of all parts of a zip container together.
    pub(crate) max_total_bytes: u64,
    /// Largest ratio of inflated to compressed size of one part...
    pub(crate) max_inflate_ratio: u64,
    /// ...for parts that inflate beyond this many bytes (small parts compress well legitimately).
    pub(crate) ratio_floor_bytes: u64,
    /// Most parts in a zip container.
    pub(crate) max_parts: usize,
    /// Most non-empty cells in one sheet of a small file; a larger file may hold one cell per
    /// [`Limits::bytes_per_extra_cell`] of its size (see [`Limits::for_file`]).
    pub(crate) max_cells_per_sheet: usize,
    /// File bytes that allow one more cell per sheet beyond [`Limits::max_cells_per_sheet`].
    pub(crate) bytes_per_extra_cell: u64,
    /// Most bytes of text the cells of an `.xls` workbook may hold once read (its reader copies
    /// a shared string into every cell that uses it).
    pub(crate) max_text_bytes: u64,
    /// Most cells (empty ones included) in the box of a sheet that a reader stores densely
    /// (xls, ods): rows x columns between the first and the last used cell. Those readers
    /// hold every sheet at once, so the boxes of all a workbook's sheets together are held to
    /// it too.
    pub(crate) max_dense_cells: usize,
    /// Most merged regions in one sheet.
    pub(crate) max_merges_per_sheet: usize,
    /// Most (merge, column) pairs the merge index of one sheet may hold: merged regions times
    /// the columns each spans within the sheet's used width.
    pub(crate) max_merge_columns: u64,
    /// Most sheets in one workbook.
    pub(crate) max_sheets: usize,
}

impl Limits {
    /// The limits for a file of `bytes` bytes: a small file holds at most
    /// [`Limits::max_cells_per_sheet`] cells a sheet however well it compresses, so its memory
    /// stays bounded; a large one as many as its size allows (a full sheet of 1,048,576 rows
    /// from a 150 MB workbook).
    pub(crate) fn for_file(&self, bytes: usize) -> Limits {
        let by_size = (bytes as u64 / self.bytes_per_extra_cell.max(1)) as usize;
        Limits {
            max_cells_per_sheet: self.max_cells_per_sheet.max(by_size),
            ..*self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 << 20,
            // A full ledger sheet of taizhang's own (1,048,575 rows of 25 columns) is about 1.5
            // GiB of XML, compressed some 8 to 1: the ratio rule, not the size, finds bombs.
            max_part_bytes: 4 << 30,
            max_total_bytes: 16 << 30,
            max_inflate_ratio: 100,
            ratio_floor_bytes: 256 << 20,
            max_parts: 10_000,
            max_cells_per_sheet: 20_000_000,
            // taizhang's own full ledger sheet: 26 million cells in some 60 bytes each.
            bytes_per_extra_cell: 4,
            max_text_bytes: 1 << 30,
            max_dense_cells: 8_000_000,
            max_merges_per_sheet: 1_000_000,
            max_merge_columns: 4_000_000,
            max_sheets: 1_000,
        }
    }
}

#[cfg(test)]
mod examples {
    //! The examples of crate-private items, once in their documentation.

    /// `source::guard::Limits::for_file`
    #[test]
    fn guard_limits_for_file() {
        use crate::source::guard::Limits;
        let l = Limits::default();
        assert_eq!(l.for_file(10 << 20).max_cells_per_sheet, 20_000_000);
        assert_eq!(l.for_file(160_000_000).max_cells_per_sheet, 40_000_000);
    }
}
