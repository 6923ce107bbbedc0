/**
 * The HTML shell shared by both reports (rendered by src/report/document.ts): one stylesheet,
 * one escape function, one self-contained page (CSS inline, no script, no external URL).
 */

/** HTML-escape text for element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The one stylesheet of both HTML reports (verdict badges, tables that scroll instead of clipping, inline figures). */
export const REPORT_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#222}
h1{font-size:22px;margin:4px 0}h2{border-bottom:1px solid #ccc;margin-top:28px}h3{margin-top:22px}
table{border-collapse:collapse;margin:8px 0;max-width:100%}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere;min-width:9ch}
.table-wrap{max-width:100%;overflow-x:auto}
th{background:#f4f4f4}table.kv th{font-weight:500}code,pre{font:12px ui-monospace,monospace;background:#f6f6f6}pre{padding:8px;overflow:auto;max-height:360px}
.v{font-weight:600;padding:1px 6px;border-radius:3px;white-space:nowrap}
.verified{background:#d9f2dd}.refuted{background:#f8d7da}.inconclusive{background:#fff3cd}.not-applicable{background:#e2e3e5}
.mutant .refuted{background:#d9f2dd}.mutant .verified,.mutant .inconclusive,.mutant .not-applicable{background:#f8d7da}
.bad{color:#b00020;font-weight:600}.note{background:#eef4ff;padding:6px 10px;border-left:3px solid #4a7bd0}
.head{font-weight:600}.pass{color:#146c2e}.fail{color:#b00020}
figure.plot{display:inline-block;margin:8px 12px 8px 0;vertical-align:top;max-width:640px}figure.plot svg{max-width:100%;height:auto}figure.plot figcaption{font-size:12px;color:#444}
details{margin:8px 0}summary{cursor:pointer;color:#1f4e9c}
dl{display:grid;grid-template-columns:max-content auto;gap:2px 12px}dt{font-weight:600}dd{margin:0}
`;

/** A self-contained HTML page: the title, REPORT_CSS inline, and the body blocks joined by newlines. */
export function htmlPage(title: string, body: readonly string[]): string {
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${REPORT_CSS}</style></head>\n<body>\n${body.join('\n')}\n</body></html>\n`;
}
