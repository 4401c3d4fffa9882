#!/usr/bin/env python3
"""Lay the reference disclosure out as office documents and print them to PDF.

Departments publish their 部门预算公开 from Word, WPS or Excel, not from a
plain dump of its text.  This script turns the reference text
(tests/data/changji-liaison-2025-disclosure.txt) into documents laid out
the way a finance office lays them out, then has LibreOffice print each
to PDF:

  writer-portrait.fodt    Writer, A4 portrait, Noto Serif CJK; every table
                          a real table with spanned header cells, the
                          类/款/项 columns, right-aligned amounts, the
                          tables kept to the page's narrow width so that
                          long names wrap inside their cells; the
                          narrative as paragraphs; each table's header
                          rows repeated on every page it runs over.
  writer-landscape.fodt   Writer, Noto Sans CJK at other sizes; the
                          narrative on portrait pages, each table on a
                          landscape page, “编制部门：… 单位：万元” on one
                          line, amounts grouped by thousands (none of
                          this budget's reaches 1,000 万元: the Calc
                          variant's amounts in 元 are grouped).
  calc-sheets.fods        Calc, one sheet per table (and per target
                          table), printed with gridlines and repeated
                          header rows, wide sheets landscape; amounts in
                          元 as numbers formatted “#,##0.00”.  It has the
                          tables only: no narrative, hence no profile and
                          no project descriptions.

Usage:  tests/import/make-office-pdfs.py [--keep] [OUTDIR]

OUTDIR defaults to the directory of this script.  The PDFs are committed,
so that the tests need no LibreOffice; run this again (soffice, with
Writer and Calc, must be on PATH) after changing the reference text.
--keep keeps the .fodt/.fods sources beside the PDFs.  Python 3 standard
library only.

The target tables' cells are as a clerk types them (the reference text,
taken from a PDF, has blanks inside words where its original wrapped), and
a target row that the original's page broke is one row.  The narrative's
punctuation does not hang into the margin: LibreOffice 7.4 prints a
hanging comma outside the PDF's text, where no reader finds it.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
REFERENCE = os.path.join(HERE, '..', 'data', 'changji-liaison-2025-disclosure.txt')

AMOUNT = re.compile(r'^-?[0-9][0-9,]*\.[0-9]+$')


# ---- Reading the reference text -------------------------------------------


def span_attributes(span):
    """The ODF attributes of a cell spanning span = [rows, columns]."""
    attrs = ''
    if span[0] > 1:
        attrs += ' table:number-rows-spanned="%d"' % span[0]
    if span[1] > 1:
        attrs += ' table:number-columns-spanned="%d"' % span[1]
    return attrs

def is_amount(s):
    return bool(AMOUNT.match(s))


def read_blocks(text):
    """The text as a list of blocks: ('para', line) and ('table', rows),
    a table's rows being lists of cells.  A table continued on the next
    page of the original (its heading and header rows printed again) is
    one table here: the office program repeats the header itself."""
    lines = text.split('\n')
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if '\t' in line:
            rows = []
            width = len(line.split('\t'))
            while i < len(lines):
                if '\t' in lines[i]:
                    rows.append(lines[i].split('\t'))
                    i += 1
                    continue
                # a blank line inside a table whose rows go on (a page
                # break of the original)
                j = i
                while j < len(lines) and lines[j].strip() == '':
                    j += 1
                if j > i and j < len(lines) and '\t' in lines[j] and len(lines[j].split('\t')) == width:
                    i = j
                    continue
                break
            blocks.append(('table', rows))
            continue
        if line.strip():
            blocks.append(('para', line.strip()))
        i += 1
    return merge_continued(blocks)


def is_cjk(ch):
    return '\u3400' <= ch <= '\u9fff' or '\uff00' <= ch <= '\uffef' or '\u3000' <= ch <= '\u303f'


def clean_cell(text):
    """A target cell as a clerk types it: the reference's text, taken from
    a PDF, has blanks inside words and figures where the original wrapped
    (“=3570 .91 平 方米”, “产出 指标”); a blank between a figure and its
    unit stays (“7 人”)."""
    out = []
    for i, ch in enumerate(text):
        if ch == ' ' and 0 < i < len(text) - 1:
            a, b = text[i - 1], text[i + 1]
            if (is_cjk(a) and is_cjk(b)) or (a.isdigit() and (b.isdigit() or b == '.')) \
               or (a in '<>=' and (b in '<>=' or b.isdigit())):
                continue
        out.append(ch)
    return ''.join(out)


def join_broken_rows(rows):
    """A target table's row broken by a page of the original: its cells
    printed on the next page as a row with only those cells (no
    indicator, no weight) are one cell in an office program's table.
    Every cell's text is as a clerk types it (clean_cell)."""
    out = []
    indicators = False
    for row in rows:
        filled = [c for c, t in enumerate(row) if t]
        indicators = indicators or row[0] == '一级指标'
        if indicators and out and filled and filled[0] >= 3 and not row[-1] and len(row) == len(out[-1]):
            prev = out[-1]
            for c in filled:
                prev[c] = prev[c] + row[c]
            continue
        out.append(list(row))
    return [[clean_cell(c) for c in row] for row in out]


def header_rows(rows):
    """How many of a table's rows are its header: up to its row of column
    numbers (※ 1 2 3 …), or else up to its first row with an amount."""
    for k, row in enumerate(rows):
        if row and row[0] == '※':
            return k + 1
    for k, row in enumerate(rows):
        if any(is_amount(c) for c in row):
            return k
    return 0


def merge_continued(blocks):
    """Drops a table's repeated heading (编制部门, 单位) and header rows on
    the original's next page, joining its rows to the table above."""
    out = []
    k = 0
    while k < len(blocks):
        kind, value = blocks[k]
        if kind == 'table' and out:
            # find the previous table, with only 编制部门/单位 lines between
            back = len(out) - 1
            between = []
            while back >= 0 and out[back][0] == 'para' and (out[back][1].startswith('编制部门') or out[back][1].startswith('单位')):
                between.append(back)
                back -= 1
            if back >= 0 and out[back][0] == 'table' and between:
                prev = out[back][1]
                n = header_rows(prev)
                if n and value[:n] == prev[:n]:
                    prev.extend(value[n:])
                    del out[back + 1:]
                    k += 1
                    continue
        out.append((kind, value))
        k += 1
    return out


def spans(rows, n_header):
    """The spans of the header cells: {(r, c): (rows, cols)} for the cells
    that are drawn, None for those covered by another.  An empty cell
    with a header cell under it continues the cell on its left (a group
    over several columns); one with a cell over it continues that cell
    (a title over two rows).  The row of column numbers has no spans."""
    width = max(len(r) for r in rows)
    grid = [r + [''] * (width - len(r)) for r in rows]
    span_rows = n_header - 1 if n_header and grid[n_header - 1][0] == '※' else n_header
    owner = {}
    for r in range(span_rows):
        for c in range(width):
            if grid[r][c]:
                owner[(r, c)] = (r, c)
                continue
            below = any(grid[r2][c] for r2 in range(r + 1, span_rows))
            if below and c > 0 and (r, c - 1) in owner:
                owner[(r, c)] = owner[(r, c - 1)]
            elif r > 0 and (r - 1, c) in owner:
                owner[(r, c)] = owner[(r - 1, c)]
    result = {}
    for (r, c), o in owner.items():
        if o == (r, c):
            result[(r, c)] = [1, 1]
    for (r, c), o in owner.items():
        if o != (r, c):
            result[o][0] = max(result[o][0], r - o[0] + 1)
            result[o][1] = max(result[o][1], c - o[1] + 1)
            result[(r, c)] = None
    return grid, result


def kind_of_table(title):
    """'budget' for the eleven tables (their amounts right-aligned),
    'targets' for the performance-target tables (…目标表)."""
    return 'targets' if title.endswith('目标表') else 'budget'


def group_thousands(s):
    if not is_amount(s):
        return s
    sign = '-' if s.startswith('-') else ''
    whole, frac = s.lstrip('-').replace(',', '').split('.')
    return sign + '{:,}'.format(int(whole)) + '.' + frac


def inline(text):
    """A paragraph's text as ODF inline content: **x** bold."""
    parts = re.split(r'(\*\*[^*]+\*\*)', text)
    out = []
    for p in parts:
        if p.startswith('**') and p.endswith('**'):
            out.append('<text:span text:style-name="Bold">%s</text:span>' % escape(p[2:-2]))
        else:
            out.append(escape(p))
    return ''.join(out)


NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


# ---- Writer -----------------------------------------------------------------

def writer_document(blocks, v):
    """A flat ODT of the blocks in variant @v (a dict of settings)."""
    body = []
    n_table = 0
    pending_meta = []   # 编制部门 / 单位 waiting to be set on one line
    toc_over = False    # the contents list their parts too
    title = ''

    def para(style, content):
        body.append('<text:p text:style-name="%s">%s</text:p>' % (style, content))

    for idx, (kind, value) in enumerate(blocks):
        if kind == 'para':
            line = value
            if line.startswith('- '):
                line = line[2:]
            if re.match(r'^表 ?[0-9]+$', line):
                # each table on a page of its own
                para('TableNumberLandscape' if v['landscape_tables'] else 'TableNumber', escape(line))
                continue
            if re.match(r'^第[一二三四]部分', line):
                if toc_over:
                    para('PartPortrait', escape(line))
                    continue
                toc_over = line.startswith('第四部分')
            if line.startswith('编制部门') or line.startswith('单位：'):
                if v['meta_one_line']:
                    pending_meta.append(line)
                    if line.startswith('单位'):
                        para('Meta', '<text:tab/>'.join(escape(m) for m in pending_meta))
                        pending_meta = []
                    continue
                para('MetaRight' if line.startswith('单位') else 'Meta', escape(line))
                continue
            if pending_meta:
                para('Meta', escape(pending_meta.pop()))
            if line.endswith('情况表') or line.endswith('明细表') or line.endswith('目标表') or line == '(2025 年)':
                if line.endswith('表'):
                    title = line
                para('TableTitle', escape(line))
                continue
            para('Body', inline(line))
            continue

        # a table
        rows = value
        n_table += 1
        budget = kind_of_table(title) == 'budget'
        if not budget:
            rows = join_broken_rows(rows)
        n_header = header_rows(rows) if budget else 0
        grid, span = spans(rows, n_header) if budget else ([r for r in rows], {})
        width = max(len(r) for r in grid)
        widths = column_widths(grid, width, budget, v)
        t = ['<table:table table:name="表格%d" table:style-name="Tbl%d">' % (n_table, n_table)]
        for c in range(width):
            t.append('<table:table-column table:style-name="Tbl%d.C%d"/>' % (n_table, c))
        v['_columns'].append((n_table, widths, budget))
        for r, row in enumerate(grid):
            if r == 0 and n_header:
                t.append('<table:table-header-rows>')
            t.append('<table:table-row>')
            for c in range(width):
                cell = row[c] if c < len(row) else ''
                s = span.get((r, c), [1, 1]) if r < n_header else [1, 1]
                if s is None:
                    t.append('<table:covered-table-cell/>')
                    continue
                attrs = span_attributes(s)
                if r < n_header:
                    style = 'CellHead'
                elif budget and is_amount(cell):
                    style = 'CellNum'
                    if v['thousands']:
                        cell = group_thousands(cell)
                else:
                    style = 'CellText'
                t.append('<table:table-cell table:style-name="Cell" office:value-type="string"%s><text:p text:style-name="%s">%s</text:p></table:table-cell>'
                         % (attrs, style, escape(cell)))
            t.append('</table:table-row>')
            if r == n_header - 1:
                t.append('</table:table-header-rows>')
        t.append('</table:table>')
        body.append(''.join(t))

    return writer_shell(v, '\n'.join(body))


def column_widths(grid, width, budget, v):
    """Relative widths: a name column wider than the amounts, but kept
    narrow so that long names wrap; code columns narrow."""
    widths = []
    for c in range(width):
        texts = [r[c] for r in grid if c < len(r) and r[c]]
        if not texts:
            widths.append(1.0)
            continue
        codes = all(re.match(r'^[0-9]{2,3}$', t) or t in ('类', '款', '项', '※') for t in texts[1:]) and budget
        numbers = sum(1 for t in texts if is_amount(t))
        longest = max(len(t) for t in texts)
        if codes:
            widths.append(v.get('code_width', 0.6))
        elif budget and numbers >= len(texts) / 3:
            widths.append(v['amount_width'])
        else:
            widths.append(min(max(longest * 0.25, 1.0), v['name_width']))
    return widths


def writer_shell(v, body):
    font = v['font']
    cols = []
    for n, widths, budget in v['_columns']:
        total = sum(widths)
        # the target tables stand in the narrative, on portrait pages
        page = v['table_width_cm'] if budget else min(v['table_width_cm'], 21.0 - 2 * v['margin_cm'])
        cols.append('<style:style style:name="Tbl%d" style:family="table"><style:table-properties style:width="%.2fcm" table:align="center"/></style:style>'
                    % (n, page))
        for c, w in enumerate(widths):
            cols.append('<style:style style:name="Tbl%d.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.3fcm"/></style:style>'
                        % (n, c, page * w / total))
    return '''<?xml version="1.0" encoding="UTF-8"?>
<office:document %(ns)s office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="CJK" svg:font-family="&apos;%(font)s&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:line-height="130%%"/>
  <style:text-properties style:font-name="CJK" style:font-name-asian="CJK" fo:font-size="%(body_pt)spt" style:font-size-asian="%(body_pt)spt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="Portrait">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2.2cm" fo:margin-bottom="2cm" fo:margin-left="%(margin)scm" fo:margin-right="%(margin)scm"/>
 </style:page-layout>
 <style:page-layout style:name="Landscape">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1.8cm" fo:margin-bottom="1.8cm" fo:margin-left="1.8cm" fo:margin-right="1.8cm"/>
 </style:page-layout>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="%(indent)s" fo:margin-bottom="0.15cm" fo:text-align="justify" style:punctuation-wrap="simple"/>
 </style:style>
 <style:style style:name="PartPortrait" style:family="paragraph" style:master-page-name="PortraitPage">
  <style:paragraph-properties fo:break-before="page" fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="%(title_pt)spt" style:font-size-asian="%(title_pt)spt"/>
 </style:style>
 <style:style style:name="TableNumber" style:family="paragraph">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="TableNumberLandscape" style:family="paragraph" style:master-page-name="LandscapePage">
  <style:paragraph-properties fo:break-before="page"/>
 </style:style>
 <style:style style:name="TableTitle" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm" fo:margin-top="0.2cm"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="%(title_pt)spt" style:font-size-asian="%(title_pt)spt"/>
 </style:style>
 <style:style style:name="Meta" style:family="paragraph">
  <style:paragraph-properties>
   <style:tab-stops><style:tab-stop style:position="%(tab_cm)scm" style:type="right"/></style:tab-stops>
  </style:paragraph-properties>
  <style:text-properties fo:font-size="%(cell_pt)spt" style:font-size-asian="%(cell_pt)spt"/>
 </style:style>
 <style:style style:name="MetaRight" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end"/>
  <style:text-properties fo:font-size="%(cell_pt)spt" style:font-size-asian="%(cell_pt)spt"/>
 </style:style>
 <style:style style:name="CellHead" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:line-height="115%%"/>
  <style:text-properties fo:font-size="%(cell_pt)spt" style:font-size-asian="%(cell_pt)spt" fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="CellNum" style:family="paragraph">
  <style:paragraph-properties fo:text-align="end" fo:line-height="115%%"/>
  <style:text-properties fo:font-size="%(cell_pt)spt" style:font-size-asian="%(cell_pt)spt"/>
 </style:style>
 <style:style style:name="CellText" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start" fo:line-height="115%%"/>
  <style:text-properties fo:font-size="%(cell_pt)spt" style:font-size-asian="%(cell_pt)spt"/>
 </style:style>
 <style:style style:name="Cell" style:family="table-cell">
  <style:table-cell-properties fo:padding="0.06cm" fo:border="0.5pt solid #000000" style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="Bold" style:family="text">
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 %(cols)s
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Portrait"/>
 <style:master-page style:name="PortraitPage" style:page-layout-name="Portrait"/>
 <style:master-page style:name="LandscapePage" style:page-layout-name="%(table_layout)s"/>
</office:master-styles>
<office:body><office:text>
%(body)s
</office:text></office:body>
</office:document>
''' % dict(ns=NS, font=font, body_pt=v['body_pt'], title_pt=v['title_pt'], cell_pt=v['cell_pt'],
           margin=v['margin_cm'], indent=v['indent'], tab_cm=v['table_width_cm'], cols='\n '.join(cols),
           table_layout='Landscape' if v['landscape_tables'] else 'Portrait', body=body)


WRITER_VARIANTS = [
    # narrow portrait tables: names wrap in their cells
    dict(name='writer-portrait', font='Noto Serif CJK SC', body_pt=10.5, title_pt=14, cell_pt=7,
         margin_cm=2.5, indent='0.74cm', landscape_tables=False, meta_one_line=False, thousands=False,
         table_width_cm=16.0, amount_width=1.35, name_width=2.2, code_width=0.95),
    # tables on landscape pages, another font and size, one heading line
    dict(name='writer-landscape', font='Noto Sans CJK SC', body_pt=9, title_pt=12, cell_pt=8,
         margin_cm=2.0, indent='0cm', landscape_tables=True, meta_one_line=True, thousands=True,
         table_width_cm=26.0, amount_width=1.4, name_width=4.0, code_width=0.9),
]


# ---- Calc -------------------------------------------------------------------

def calc_document(blocks):
    """A flat ODS: one sheet per table, the table's number, title,
    department and unit above it; amounts in 元 as numbers."""
    sheets = []
    department = ''
    year_line = ''
    heading = []
    for kind, value in blocks:
        if kind == 'para':
            if not year_line and re.match(r'^[0-9]{4} 年部门预算公开$', value):
                year_line = value
            if not department and value.startswith('编制部门'):
                department = value
            if re.match(r'^表 ?[0-9]+$', value) or value.endswith('情况表') or value.endswith('明细表') \
               or value.endswith('目标表') or value == '(2025 年)' or value.startswith('编制部门') or value.startswith('单位：'):
                heading.append(value)
            else:
                heading = []
            continue
        sheets.append((list(heading), value))
        heading = []

    out = []
    for n, (head, rows) in enumerate(sheets):
        title = [h for h in head if h.endswith('表')]
        budget = kind_of_table(title[0] if title else '') == 'budget'
        if not budget:
            rows = join_broken_rows(rows)
        n_header = header_rows(rows) if budget else 0
        grid, span = spans(rows, n_header) if budget else ([list(r) for r in rows], {})
        width = max(len(r) for r in grid)
        landscape = width > 6
        name = re.sub(r'[^\w]', '', head[1] if len(head) > 1 and head[0].startswith('表') else (head[0] if head else 'Sheet%d' % n))[:28] or 'Sheet%d' % n
        widths = column_widths(grid, width, budget, dict(amount_width=2.3 if budget else 1.0, name_width=4.5, code_width=1.0))
        x = ['<table:table table:name="%s" table:style-name="%s" table:print-ranges="&apos;%s&apos;.A1:&apos;%s&apos;.%s%d">'
             % (escape(name), 'SheetLandscape' if landscape else 'SheetPortrait', escape(name), escape(name),
                column_letter(width - 1), len(head) + len(grid))]
        for c in range(width):
            x.append('<table:table-column table:style-name="%s"/>' % column_style(widths[c], landscape, width, widths))
        for line in head:
            text = line.replace('单位：万元', '单位：元')
            style = 'HeadTitle' if line.endswith('表') else 'HeadPlain'
            x.append('<table:table-row><table:table-cell table:style-name="%s" office:value-type="string" table:number-columns-spanned="%d"><text:p>%s</text:p></table:table-cell>%s</table:table-row>'
                     % (style, width, escape(text), '<table:covered-table-cell/>' * (width - 1)))
        for r, row in enumerate(grid):
            if r == 0 and n_header:
                x.append('<table:table-header-rows>')
            x.append('<table:table-row>')
            for c in range(width):
                cell = row[c] if c < len(row) else ''
                s = span.get((r, c), [1, 1]) if r < n_header else [1, 1]
                if s is None:
                    x.append('<table:covered-table-cell table:style-name="GridHead"/>')
                    continue
                attrs = span_attributes(s)
                if r >= n_header and budget and is_amount(cell):
                    fen = to_fen(cell) * 10000   # 万元 → 元 (fen of 元)
                    yuan = '%d.%02d' % (fen // 100, fen % 100)
                    x.append('<table:table-cell table:style-name="GridNum" office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>'
                             % (yuan, group_thousands(yuan)))
                elif cell:
                    x.append('<table:table-cell table:style-name="%s" office:value-type="string"%s><text:p>%s</text:p></table:table-cell>'
                             % ('GridHead' if r < n_header else 'GridText', attrs, escape(cell)))
                else:
                    x.append('<table:table-cell table:style-name="%s"%s/>' % ('GridHead' if r < n_header else 'GridText', attrs))
            x.append('</table:table-row>')
            if r == n_header - 1:
                x.append('</table:table-header-rows>')
        x.append('</table:table>')
        out.append(''.join(x))

    # a cover sheet: the department and the year, as the first page
    cover = ('<table:table table:name="封面" table:style-name="SheetPortrait">'
             '<table:table-column table:style-name="ColCover"/>'
             '<table:table-row><table:table-cell table:style-name="HeadTitle" office:value-type="string"><text:p>%s</text:p></table:table-cell></table:table-row>'
             '<table:table-row><table:table-cell table:style-name="HeadTitle" office:value-type="string"><text:p>%s</text:p></table:table-cell></table:table-row>'
             '</table:table>' % (escape(department.split('：', 1)[-1]), escape(year_line)))
    return calc_shell(cover + '\n'.join(out))


def to_fen(s):
    whole, frac = s.replace(',', '').split('.')
    frac = (frac + '00')[:2]
    return int(whole) * 100 + int(frac)


def column_letter(c):
    s = ''
    c += 1
    while c:
        c, r = divmod(c - 1, 26)
        s = chr(65 + r) + s
    return s


CALC_COLUMNS = {}


def column_style(w, landscape, width, widths):
    # widths in cm as a clerk sets them; the page is fitted to its width
    cm = round(w, 2)
    key = 'Col%d' % int(cm * 100)
    CALC_COLUMNS[key] = cm
    return key


def calc_shell(body):
    cols = '\n '.join('<style:style style:name="%s" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (k, v)
                      for k, v in sorted(CALC_COLUMNS.items()))
    return '''<?xml version="1.0" encoding="UTF-8"?>
<office:document %(ns)s office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:font-face-decls>
 <style:font-face style:name="CJK" svg:font-family="&apos;Noto Sans CJK SC&apos;"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="table-cell">
  <style:text-properties style:font-name="CJK" style:font-name-asian="CJK" fo:font-size="9pt" style:font-size-asian="9pt"/>
 </style:default-style>
 <number:number-style style:name="Yuan"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:number-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="PLPortrait">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin="1.5cm" style:print="grid headers-off charts drawings objects zero-values" style:scale-to-X="1" style:scale-to-Y="0" loext:scale-to-X="1" loext:scale-to-Y="0"/>
 </style:page-layout>
 <style:page-layout style:name="PLLandscape">
  <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin="1.5cm" style:print="grid headers-off charts drawings objects zero-values" style:scale-to-X="1" style:scale-to-Y="0" loext:scale-to-X="1" loext:scale-to-Y="0"/>
 </style:page-layout>
 <style:style style:name="SheetPortrait" style:family="table" style:master-page-name="MPortrait"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="SheetLandscape" style:family="table" style:master-page-name="MLandscape"><style:table-properties table:display="true"/></style:style>
 <style:style style:name="ColCover" style:family="table-column"><style:table-column-properties style:column-width="17cm"/></style:style>
 %(cols)s
 <style:style style:name="HeadTitle" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle"/>
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="HeadPlain" style:family="table-cell"/>
 <style:style style:name="GridHead" style:family="table-cell">
  <style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:border="0.5pt solid #000000"/>
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="GridText" style:family="table-cell">
  <style:table-cell-properties fo:wrap-option="wrap" style:vertical-align="middle" fo:border="0.5pt solid #000000"/>
 </style:style>
 <style:style style:name="GridNum" style:family="table-cell" style:data-style-name="Yuan">
  <style:table-cell-properties fo:border="0.5pt solid #000000"/>
  <style:paragraph-properties fo:text-align="end"/>
 </style:style>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="MPortrait" style:page-layout-name="PLPortrait"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>
 <style:master-page style:name="MLandscape" style:page-layout-name="PLLandscape"><style:header style:display="false"/><style:footer style:display="false"/></style:master-page>
</office:master-styles>
<office:body><office:spreadsheet>
%(body)s
</office:spreadsheet></office:body>
</office:document>
''' % dict(ns=NS, cols=cols, body=body)


# ---- Printing ---------------------------------------------------------------

def print_pdf(source, outdir):
    profile = tempfile.mkdtemp(prefix='fiscal-soffice-')
    try:
        subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless',
                        '--convert-to', 'pdf', '--outdir', outdir, source],
                       check=True, stdout=subprocess.DEVNULL)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main(argv):
    keep = '--keep' in argv
    args = [a for a in argv if a != '--keep']
    outdir = os.path.abspath(args[0]) if args else HERE
    with open(REFERENCE, encoding='utf-8') as f:
        blocks = read_blocks(f.read())

    work = tempfile.mkdtemp(prefix='fiscal-office-')
    try:
        sources = []
        for v in WRITER_VARIANTS:
            v = dict(v, _columns=[])
            path = os.path.join(work, v['name'] + '.fodt')
            with open(path, 'w', encoding='utf-8') as f:
                f.write(writer_document(blocks, v))
            sources.append(path)
        path = os.path.join(work, 'calc-sheets.fods')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(calc_document(blocks))
        sources.append(path)

        for s in sources:
            print_pdf(s, outdir)
            if keep:
                shutil.copy(s, outdir)
            pdf = os.path.join(outdir, os.path.splitext(os.path.basename(s))[0] + '.pdf')
            print('%s: %d bytes' % (pdf, os.path.getsize(pdf)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main(sys.argv[1:])
