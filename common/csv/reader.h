/* Reading CSV row by row with libcsv, knowing where each row starts.
 *
 * libcsv does the RFC 4180 parsing (quoted cells with commas, quotes and
 * line breaks; CRLF, LF or CR line ends; blank lines skipped; spaces
 * around unquoted cells trimmed) but does not count lines. We feed it one
 * physical line at a time, so every row carries the line it starts on:
 * the line a spreadsheet user finds the row at in a text editor. A UTF-8
 * byte-order mark at the start is dropped; a file that starts with a
 * UTF-16 one (Excel's "Unicode text") is read as the UTF-8 it stands for,
 * and so is a file the caller says is Windows-1252 (what Excel's plain
 * "CSV" is on a Western Windows) or Latin-1. */
#ifndef FSD_CSV_READER_H
#define FSD_CSV_READER_H

#include <stdio.h>

struct fsd_csv_row {
	long line;		/* physical line the row starts on, from 1 */
	size_t ncells;
	char **cells;		/* each NUL-terminated ... */
	size_t *lens;		/* ... and this long (a cell may hold a NUL) */
	const char *raw;	/* the row's text as it was read, line ends included */
	size_t raw_len;
	const char *problem;	/* NULL, or what is wrong with the row's syntax */
};

/* Called once per row, the header included; the row is only valid during
 * the call. Return non-zero to stop reading. */
typedef int (*fsd_csv_row_fn)(const struct fsd_csv_row *row, void *ctx);

/* The bytes of a file that has no byte-order mark to say. */
enum fsd_csv_encoding {
	FSD_CSV_UTF8,		/* the default */
	FSD_CSV_WINDOWS_1252,	/* bytes 0x80-0x9f as the WHATWG Encoding
				 * Standard maps them (0x80 is the euro) */
	FSD_CSV_LATIN1		/* ISO 8859-1: every byte its own code point */
};

/* The encoding a name stands for ("utf-8", "windows-1252" or "cp1252",
 * "latin1" or "iso-8859-1", in any case); -1 for none of them. */
int fsd_csv_encoding_parse(const char *name);

/* How the cells of a file are separated, and how it was read. */
struct fsd_csv_dialect {
	char delimiter;		/* ',', ';' or '\t'; 0: the one the first line
				 * has most of, outside quotes (',' on a tie) */
	enum fsd_csv_encoding encoding;	/* when the file has no byte-order mark */
	/* Set by the reader: */
	char used;		/* the delimiter the file was read with */
	int utf16;		/* the file was UTF-16 with a byte-order mark */
};

/* Read f to its end or until fn asks to stop. Returns 0, or -1 when f
 * could not be read (errno set). */
int fsd_csv_read(FILE *f, fsd_csv_row_fn fn, void *ctx);
/* The same with the delimiter given or detected. */
int fsd_csv_read_dialect(FILE *f, struct fsd_csv_dialect *dialect,
    fsd_csv_row_fn fn, void *ctx);

#endif
