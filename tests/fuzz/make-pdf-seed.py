#!/usr/bin/env python3
"""Write a small PDF of a slice of the reference disclosure, for the seed
corpus of fuzz-import-pdf (tests/fuzz/README.md).

The PDFs of tests/import are hundreds of kilobytes of compressed streams,
in which a mutation rarely reaches the text. This one is some twenty
kilobytes with nothing compressed and no embedded font: each line of the
text (blank lines left out) is a row of cells, split at its tabs and
spread over the width of a landscape page, in a CID font whose codes are
the characters' Unicode values (Identity-H, with a ToUnicode map), so that
a mutation of a content stream changes the text or where it stands.

Usage: tests/fuzz/make-pdf-seed.py TEXT FIRST:LAST[,FIRST:LAST…] OUT.pdf
   e.g. tests/fuzz/make-pdf-seed.py tests/data/changji-liaison-2025-disclosure.txt \\
          1:4,67:68,220:305 tests/fuzz/corpus/fuzz-import-pdf/changji-tables5-7-plain.pdf

Python 3 standard library only.
"""
import sys

text_path, ranges, out_path = sys.argv[1:4]
source = open(text_path, encoding='utf-8').read().split('\n')
lines = []
for r in ranges.split(','):
    first, last = (int(n) for n in r.split(':'))
    lines += [line for line in source[first - 1:last] if line.strip()]

SIZE = 6           # points; A4 landscape, a row's cells spread over its width
LEADING = 10
TOP, BOTTOM, LEFT, WIDTH = 560, 30, 20, 800
PER_PAGE = (TOP - BOTTOM) // LEADING


def hex_text(s):
    return '<' + ''.join('%04X' % ord(c) for c in s if ord(c) <= 0xFFFF) + '>'


pages = []
for start in range(0, len(lines), PER_PAGE):
    ops = ['BT', '/F1 %d Tf' % SIZE]
    for i, line in enumerate(lines[start:start + PER_PAGE]):
        y = TOP - i * LEADING
        cells = line.split('\t')
        for c, cell in enumerate(cells):
            if cell.strip():
                x = LEFT + c * WIDTH // max(len(cells), 4)
                ops.append('1 0 0 1 %d %d Tm %s Tj' % (x, y, hex_text(cell.strip())))
    ops.append('ET')
    pages.append('\n'.join(ops) + '\n')

used = sorted({ord(c) for line in lines for c in line if 0x20 <= ord(c) <= 0xFFFF})
cmap = ['/CIDInit /ProcSet findresource begin', '12 dict begin', 'begincmap',
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
        '/CMapName /Adobe-Identity-UCS def', '/CMapType 2 def',
        '1 begincodespacerange', '<0000> <FFFF>', 'endcodespacerange']
for i in range(0, len(used), 100):
    block = used[i:i + 100]
    cmap.append('%d beginbfchar' % len(block))
    cmap += ['<%04X> <%04X>' % (u, u) for u in block]
    cmap.append('endbfchar')
cmap += ['endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end']
cmap = '\n'.join(cmap) + '\n'

objects = []        # bodies, object n is objects[n - 1]


def add(body):
    objects.append(body)
    return len(objects)


catalog = add(None)
pages_obj = add(None)
font = add(None)
descendant = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSansCJKsc-Regular '
                 '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> '
                 '/DW 1000 /W [32 126 500] /CIDToGIDMap /Identity >>')
to_unicode = add('<< /Length %d >>\nstream\n%sendstream' % (len(cmap.encode()), cmap))
objects[font - 1] = ('<< /Type /Font /Subtype /Type0 /BaseFont /NotoSansCJKsc-Regular '
                     '/Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>'
                     % (descendant, to_unicode))
kids = []
for content in pages:
    stream = add('<< /Length %d >>\nstream\n%sendstream' % (len(content.encode()), content))
    kids.append(add('<< /Type /Page /Parent %d 0 R /MediaBox [0 0 842 595] '
                    '/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>'
                    % (pages_obj, font, stream)))
objects[catalog - 1] = '<< /Type /Catalog /Pages %d 0 R >>' % pages_obj
objects[pages_obj - 1] = ('<< /Type /Pages /Count %d /Kids [%s] >>'
                          % (len(kids), ' '.join('%d 0 R' % k for k in kids)))

out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
offsets = []
for n, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += ('%d 0 obj\n%s\nendobj\n' % (n, body)).encode()
xref = len(out)
out += ('xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)).encode()
out += ''.join('%010d 00000 n \n' % o for o in offsets).encode()
out += ('trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
        % (len(objects) + 1, catalog, xref)).encode()
open(out_path, 'wb').write(out)
