#ifndef LAPOR_CLIBXML2_SHIM_H
#define LAPOR_CLIBXML2_SHIM_H
// libxml2's pull parser (xmlTextReader) for workbook XML: streaming, no DOM of the sheet.
// Debian builds libxml2 with ICU, and its encoding header then includes the system's ICU headers,
// which clash with the copy Foundation carries (_FoundationICU) in a clean build. The desk uses
// only the reader's opaque API, never the encoding handler struct that ICU changes, so ICU is
// left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#endif
