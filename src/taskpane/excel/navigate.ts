/** Going to a finding: the sheet activated and the cell selected. */
/* global Excel */

/** Activates the sheet and selects the cell (one sync). */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}
