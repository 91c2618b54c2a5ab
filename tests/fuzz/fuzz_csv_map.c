/* fsd-import's and fsd-export's column map (common/csv/map.h). A map
 * taken finds each of its columns by its own name in any letter case,
 * and its entries read and write sample cells (a US date, dollars, a
 * list, a flag) without harm whatever their options; a bad map ends the
 * run (exit 1), caught by fuzz_call. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "csv/map.h"
#include "xalloc.h"
#include "fuzz.h"

/* Cells of share/examples/office/jobs-export.csv. */
static const char *const cells[] = {
	"J1001", "11/23/2026 12:00 PM", "$1,234.50", "fire,cert:nicet2", "true", "39.7466", "",
};

static void
check_found(const struct fsd_map *map, const struct fsd_map_entry *e)
{
	char *shouted = xstrdup(e->column);

	for (char *c = shouted; *c != '\0'; c++)
		*c = (char)toupper((unsigned char)*c);
	if (fsd_map_find_column(map, e->column) != e || fsd_map_find_column(map, shouted) != e)
		fuzz_broken("a mapped column is not found by its own name");
	free(shouted);
}

static void
use_entry(const struct fsd_map *map, const struct fsd_map_entry *e)
{
	enum fsd_csv_kind kind = fsd_csv_default_kind(e->field);
	char err[512];

	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		json_t *v = fsd_map_read_cell(map, e, "America/Denver", kind, cells[i],
		    strlen(cells[i]), err, sizeof err);
		struct fsd_csv_buf out = { 0 };

		if (v == NULL)
			continue;
		fsd_map_write_cell(e, "America/Denver", map->exponent, kind, v, &out, err, sizeof err);
		fsd_csv_buf_free(&out);
		json_decref(v);
	}
}

static void
run(const uint8_t *data, size_t size)
{
	struct fsd_map *map = fsd_map_load(fuzz_file(data, size));

	for (size_t i = 0; i < map->n; i++)
		if (map->entries[i].column != NULL) {
			check_found(map, &map->entries[i]);
			use_entry(map, &map->entries[i]);
		}
	fsd_map_free(map);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_call(run, data, size);
	return 0;
}
