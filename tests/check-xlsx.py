#!/usr/bin/env python3
# check-xlsx.py: compare a workbook written by fiscal_export_xlsx() with the
# tables it was made from, by reading the workbook's XML.
#
#   check-xlsx.py WORKBOOK.xlsx EXPECTED.json
#
# EXPECTED.json is {"department": ..., "sheets": [{"name", "title", "kinds",
# "header", "rows", "note"}]}: for each sheet the table's column kinds
# ("code", "name", "project", "label", "amount"), its header cells (text,
# row, column, rowspan, colspan) and each row's texts as the table displays
# them; "text_cells" lists the [row, column] of label cells in amount
# columns; "unit" is the table's unit (default 万元), "number_format" the
# number format of its amounts (default 0.00) and "zero_format" that of
# an amount shown as "0", where it differs. The layout it checks: the
# title in row 1 merged across, 编制部门 and the unit in row 2, the header
# from row 3 with its spans merged, then the rows; amounts are numeric
# cells in that number format, whose value is the double nearest the
# displayed figure and which the format shows as the table does (thousands
# separators and decimals included), every other text a string cell; no
# cell is a formula; the panes are frozen below the header, the header
# rows repeat on each printed page, and the sheet is fitted to the page
# width.
#
# Prints the first problems found and exits 1, or exits 0.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP

NS = {
    'm': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
    'r': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'rel': 'http://schemas.openxmlformats.org/package/2006/relationships',
    'dc': 'http://purl.org/dc/elements/1.1/',
    'cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
    'ep': 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
}

# The built-in number formats an amount may have.
BUILTIN_FORMATS = {1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00'}

NUMBER_FORMAT = re.compile(r'^(#,##)?0(?:\.(0+))?$')


def render(value, code):
    """@value as a spreadsheet shows it in the number format @code, for
    the formats of amounts: 0, 0.00, #,##0, #,##0.00 …; None for another."""
    m = NUMBER_FORMAT.match(code)
    if m is None:
        return None
    decimals = len(m.group(2) or '')
    q = Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = '-' if q < 0 else ''
    whole, _, fraction = str(abs(q)).partition('.')
    if m.group(1):
        whole = '{:,}'.format(int(whole))
    return sign + whole + ('.' + fraction if decimals else '')

problems = []


def fail(message):
    problems.append(message)


def column_letter(index):
    letters = ''
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(ord('A') + rem) + letters
    return letters


def ref(row, column):
    """A1-style reference of a 0-based row and column."""
    return '%s%d' % (column_letter(column), row + 1)


def range_ref(row, column, last_row, last_column):
    return '%s:%s' % (ref(row, column), ref(last_row, last_column))


def unescape_xstring(text):
    """A string as OOXML writes characters XML cannot hold (ST_Xstring):
    _xHHHH_ is the character HHHH, as a carriage return is _x000D_."""
    return re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)), text)


def text_of(element):
    """The text of a shared string or inline string, rich runs joined."""
    return unescape_xstring(''.join(t.text or '' for t in element.iter('{%s}t' % NS['m'])))


def read_cells(xml, shared):
    cells = {}
    for c in xml.iter('{%s}c' % NS['m']):
        kind = c.get('t')
        v = c.find('m:v', NS)
        formula = c.find('m:f', NS)
        value = None
        if kind == 's' and v is not None:
            value = shared[int(v.text)]
        elif kind == 'inlineStr':
            value = text_of(c.find('m:is', NS))
        elif v is not None:
            value = v.text
        cells[c.get('r')] = {
            'type': kind,
            'style': int(c.get('s', '0')),
            'value': value,
            'has_value': v is not None or kind == 'inlineStr',
            'formula': formula is not None,
        }
    return cells


def main():
    if len(sys.argv) != 3:
        print('usage: check-xlsx.py WORKBOOK EXPECTED.json', file=sys.stderr)
        return 2

    with open(sys.argv[2], encoding='utf-8') as f:
        expected = json.load(f)

    z = zipfile.ZipFile(sys.argv[1])
    if z.testzip() is not None:
        fail('the zip has a damaged member')

    workbook = ET.fromstring(z.read('xl/workbook.xml'))
    rels = ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    targets = {r.get('Id'): r.get('Target') for r in rels.findall('rel:Relationship', NS)}
    sheets = workbook.findall('m:sheets/m:sheet', NS)
    names = [s.get('name') for s in sheets]
    want_names = [s['name'] for s in expected['sheets']]
    if names != want_names:
        fail('sheet names %r, expected %r' % (names, want_names))

    # Repeated header rows are the sheet's Print_Titles.
    print_titles = {}
    for d in workbook.findall('m:definedNames/m:definedName', NS):
        if d.get('name') == '_xlnm.Print_Titles':
            print_titles[int(d.get('localSheetId'))] = d.text

    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si', NS):
            shared.append(text_of(si))

    styles = ET.fromstring(z.read('xl/styles.xml'))
    formats = dict(BUILTIN_FORMATS)
    for nf in styles.findall('m:numFmts/m:numFmt', NS):
        formats[int(nf.get('numFmtId'))] = nf.get('formatCode')
    xf_formats = [formats.get(int(xf.get('numFmtId', '0')), 'General')
                  for xf in styles.findall('m:cellXfs/m:xf', NS)]

    core = ET.fromstring(z.read('docProps/core.xml'))
    creator = core.find('dc:creator', NS)
    if expected.get('department') and (creator is None or creator.text != expected['department']):
        fail('workbook author %r, expected %r' % (creator is not None and creator.text, expected['department']))
    app = ET.fromstring(z.read('docProps/app.xml'))
    company = app.find('ep:Company', NS)
    if expected.get('department') and (company is None or company.text != expected['department']):
        fail('workbook company is not the department')

    n_amounts = 0
    n_texts = 0
    for index, (sheet, want) in enumerate(zip(sheets, expected['sheets'])):
        name = want['name']
        rid = sheet.get('{%s}id' % NS['r'])
        target = targets[rid]
        path = target.lstrip('/') if target.startswith('/') else 'xl/' + target
        xml = ET.fromstring(z.read(path))
        cells = read_cells(xml, shared)
        kinds = want['kinds']
        n_columns = len(kinds)
        last = n_columns - 1
        n_header_rows = 1 + max([h['row'] + h['rowspan'] - 1 for h in want['header']] or [-1])
        first_data = 2 + n_header_rows

        for r, c in cells.items():
            if c['formula']:
                fail('%s!%s is a formula' % (name, r))

        def text_at(row, column, what):
            r = ref(row, column)
            c = cells.get(r)
            if c is None or c['type'] != 's':
                fail('%s!%s (%s) is not a string cell: %r' % (name, r, what, c))
                return None
            return c['value']

        def blank_at(row, column, what):
            r = ref(row, column)
            c = cells.get(r)
            if c is not None and c['has_value']:
                fail('%s!%s (%s) should be blank, has %r' % (name, r, what, c['value']))

        merges = {m.get('ref') for m in xml.findall('m:mergeCells/m:mergeCell', NS)}

        # Title and the line under it.
        if text_at(0, 0, 'title') != want['title']:
            fail('%s title %r, expected %r' % (name, cells.get('A1'), want['title']))
        if n_columns > 1 and range_ref(0, 0, 0, last) not in merges:
            fail('%s title is not merged across %s' % (name, range_ref(0, 0, 0, last)))
        if text_at(1, 0, 'department') != '编制部门：' + (want['department'] or ''):
            fail('%s has no 编制部门 in A2' % name)
        unit = '单位：' + want.get('unit', '万元')
        if text_at(1, max(last, 1), 'unit') != unit:
            fail('%s has no %s at the right of row 2' % (name, unit))

        # The header: every cell's text at its place, the spans merged and
        # no other merge within the header.
        want_merges = set()
        for h in want['header']:
            row = 2 + h['row']
            got = text_at(row, h['column'], 'header')
            if got != h['text']:
                fail('%s header %s is %r, expected %r' % (name, ref(row, h['column']), got, h['text']))
            if h['rowspan'] > 1 or h['colspan'] > 1:
                want_merges.add(range_ref(row, h['column'], row + h['rowspan'] - 1,
                                          h['column'] + h['colspan'] - 1))
        header_merges = set()
        for m in merges:
            first = re.match(r'[A-Z]+(\d+)', m)
            if 3 <= int(first.group(1)) <= 2 + n_header_rows:
                header_merges.add(m)
        if header_merges != want_merges:
            fail('%s header merges %s, expected %s' % (name, sorted(header_merges), sorted(want_merges)))

        # The rows, cell by cell.
        text_cells = {(r, c) for r, c in want.get('text_cells', [])}
        for i, texts in enumerate(want['rows']):
            row = first_data + i
            for column, (kind, text) in enumerate(zip(kinds, texts)):
                r = ref(row, column)
                c = cells.get(r)
                if text == '':
                    blank_at(row, column, kind)
                    continue
                if kind == 'amount' and (i, column) not in text_cells:
                    n_amounts += 1
                    if c is None or c['type'] not in (None, 'n') or not c['has_value']:
                        fail('%s!%s should be a number cell for %s, is %r' % (name, r, text, c))
                        continue
                    # libxlsxwriter prints a double with 16 significant
                    # digits, so 81.79 may be written 81.79000000000001:
                    # what must hold is that the text denotes the very
                    # double nearest the displayed figure, which a
                    # spreadsheet shows as that figure.
                    figure = text.replace(',', '')
                    decimals = len(figure.partition('.')[2])
                    if (float(c['value']) != float(figure) or
                            Decimal(c['value']).quantize(Decimal(1).scaleb(-decimals)) != Decimal(figure)):
                        fail('%s!%s is %s, the table shows %s' % (name, r, c['value'], text))
                    code = xf_formats[c['style']]
                    want_code = want.get('number_format', '0.00')
                    if text == '0' and 'zero_format' in want:
                        want_code = want['zero_format']
                    if code != want_code:
                        fail('%s!%s has the number format %r, not %s' % (name, r, code, want_code))
                    elif render(float(c['value']), code) != text:
                        fail('%s!%s shows %r in its format %r, the table %r' %
                             (name, r, render(float(c['value']), code), code, text))
                else:
                    n_texts += 1
                    got = text_at(row, column, kind)
                    if got != text:
                        fail('%s!%s is %r, the table shows %r' % (name, r, got, text))
            if len(problems) > 20:
                break

        # Nothing past the rows but the note.
        end = first_data + len(want['rows'])
        if want.get('note') is not None:
            if text_at(end, 0, 'note') != want['note']:
                fail('%s note %r, expected %r' % (name, cells.get(ref(end, 0)), want['note']))
            end += 1
        for r in cells:
            row = int(re.match(r'[A-Z]+(\d+)', r).group(1)) - 1
            if row >= end and cells[r]['has_value']:
                fail('%s!%s is past the table' % (name, r))

        # Frozen below the header; the header repeated on each printed page.
        pane = xml.find('m:sheetViews/m:sheetView/m:pane', NS)
        if pane is None or pane.get('state') != 'frozen' or int(float(pane.get('ySplit', '0'))) != first_data:
            fail('%s is not frozen below its header (row %d): %r' % (name, first_data,
                                                                    pane is not None and pane.attrib))
        if n_header_rows > 0:
            titles = print_titles.get(index, '')
            if not titles.endswith('$%d:$%d' % (3, first_data)):
                fail('%s repeats %r on each page, not its header rows' % (name, titles))
        setup = xml.find('m:pageSetup', NS)
        fit = xml.find('m:sheetPr/m:pageSetUpPr', NS)
        if setup is None or setup.get('fitToHeight') != '0' or fit is None or fit.get('fitToPage') != '1':
            fail('%s is not fitted to the page width' % name)

        if len(problems) > 20:
            break

    if problems:
        for p in problems[:20]:
            print('not ok:', p)
        return 1

    print('%d sheets, %d amount cells, %d text cells as in the tables' % (len(sheets), n_amounts, n_texts))
    return 0


if __name__ == '__main__':
    sys.exit(main())
