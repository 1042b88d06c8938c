#ifndef LAPOR_CLIBXML2_SHIM_H
#define LAPOR_CLIBXML2_SHIM_H
// libxml2's pull parser (xmlTextReader) for workbook XML: streaming, no DOM of the sheet.
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#endif
