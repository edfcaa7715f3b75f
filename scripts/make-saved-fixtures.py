#!/usr/bin/env python3
"""Makes the fixtures of workbooks as other programs save them (test/fixtures/saved/), once.

openpyxl writes a savings workbook with the features users' files carry (notes, one on an empty
cell; a chart; an image; data validation; conditional formatting; sheet-scoped names; workbook
and sheet protection with passwords; merged cells; a hidden row; an Excel table; formats with
escapes and quoted text), and its plain twin with the same cells and nothing else. LibreOffice
Calc then opens each and saves it again as .xlsx, as a user of Calc would.

Needs Debian's python3-openpyxl and python3-pil, and soffice (libreoffice-calc-nogui). The tests
only read the committed files: they need none of these.

    /usr/bin/python3 scripts/make-saved-fixtures.py   (Debian's Python, where python3-openpyxl is)
"""
import io
import os
import shutil
import subprocess
import tempfile

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PillowImage

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "fixtures", "saved")

LINES = [
    ("Children's Social Care Transformation", 87282, 21890, 25.1),
    ("Children with Disabilities", 17514, 3000, 17.1),
    ("School Improvement Services", 1368, 59, 4.3),
    ("Home to School Transport", 28241, 2800, 9.9),
]


def workbook(features):
    book = Workbook()
    sheet = book.active
    sheet.title = "Summary"
    sheet["A1"] = "Table 1. Children's Services workstreams and savings targets"
    sheet["A1"].font = Font(bold=True)
    sheet.merge_cells("A1:D1")
    sheet.append([])
    sheet.append(["Workstream", "Total Budget", "Full Year Savings Proposals", "Savings Proposals as % of Budget"])
    sheet.append([None, "£000", "£000", "%"])
    for label, budget, saving, pct in LINES:
        sheet.append([label, budget, saving, pct])
    sheet.append(["TOTAL", "=SUM(B5:B8)", "=SUM(C5:C8)", 22.6])
    for row in range(5, 10):
        sheet.cell(row, 4).number_format = "0.0\\%"
        for col in (2, 3):
            sheet.cell(row, col).number_format = "#,##0"
    sheet["B7"].fill = PatternFill("solid", fgColor="FF92D050")
    sheet.row_dimensions[6].hidden = True
    sheet["A11"] = "Savings target"
    sheet["B11"] = 30100
    sheet["B11"].number_format = '#,##0" (£000)"'

    register = book.create_sheet("Register")
    register.append(["Ref", "Description", "Full Year Saving", "RAG"])
    register.append(["", "", "£000", ""])
    for i, (label, _, saving, _) in enumerate(LINES, start=1):
        register.append([f"CH{i:02}", label, saving, "Green"])

    if features:
        sheet["C9"].comment = Comment("Agreed with the head of finance", "Jo Finance")
        sheet["F20"].comment = Comment("A note on an empty cell", "Jo Finance")
        chart = BarChart()
        chart.add_data(Reference(sheet, min_col=3, min_row=5, max_row=8))
        chart.set_categories(Reference(sheet, min_col=1, min_row=5, max_row=8))
        sheet.add_chart(chart, "J3")
        png = io.BytesIO()
        PillowImage.new("RGB", (8, 8), (0, 112, 192)).save(png, format="PNG")
        sheet.add_image(Image(png), "H1")
        rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
        rule.add("B5:B8")
        sheet.add_data_validation(rule)
        sheet.conditional_formatting.add("D5:D8", CellIsRule(operator="greaterThan", formula=["20"], font=Font(color="FF9C0006")))
        book.defined_names.append(DefinedName("Rate", localSheetId=0, attr_text="Summary!$D$5"))
        book.defined_names.append(DefinedName("Target", attr_text="Summary!$B$11"))
        sheet.protection.sheet = True
        sheet.protection.password = "savings"
        book.security = WorkbookProtection(workbookPassword="council", lockStructure=True)
        table = Table(displayName="Register", ref="A1:D6")
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        register.add_table(table)
    return book


def resave_with_libreoffice(source, target):
    """Opens `source` in LibreOffice Calc (headless, its own profile) and saves it as .xlsx to `target`."""
    with tempfile.TemporaryDirectory() as work:
        profile = "file://" + os.path.join(work, "profile")
        subprocess.run(
            ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, source],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(os.path.join(work, os.path.basename(source)), target)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, features in (("features", True), ("plain", False)):
        openpyxl_file = os.path.join(OUT, f"openpyxl-{name}.xlsx")
        workbook(features).save(openpyxl_file)
        resave_with_libreoffice(openpyxl_file, os.path.join(OUT, f"libreoffice-{name}.xlsx"))
    print(f"wrote {sorted(os.listdir(OUT))} to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
