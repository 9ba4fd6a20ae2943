// Inline on purpose: the report is one file that loads nothing, so no web fonts either (system fonts only).
export const reportStyles = `
*{box-sizing:border-box}
body{margin:0;padding:32px;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1f2937;background:#f3f4f6}
main{max-width:1200px;margin:0 auto}
h1{margin:0;font-size:26px}
h2{margin:0 0 12px;font-size:17px}
.meta{margin:4px 0 24px;color:#4b5563}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:20px;margin-bottom:20px}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:14px;margin:0 0 20px}
.figure{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:14px 16px}
.figure dt{color:#4b5563;font-size:13px}
.figure dd{margin:4px 0 0;font-size:24px;font-weight:650;overflow-wrap:anywhere}
.columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:20px}
.columns .card{margin-bottom:0}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid #e5e7eb;text-align:left}
th{font-size:13px;color:#4b5563;font-weight:600;white-space:nowrap}
td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}
td.name{overflow-wrap:anywhere}
.soon{color:#b45309;font-weight:600}
.over{color:#dc2626;font-weight:600}
.empty{color:#6b7280}
svg{display:block;width:100%;height:auto;font-family:inherit}
svg .grid{stroke:#e5e7eb}
svg .axis-line{stroke:#9ca3af}
svg .axis{font-size:12px;fill:#4b5563}
svg .legend{font-size:13px;fill:#1f2937}
svg .over{font-size:12px;font-weight:700}
svg .empty{font-size:16px;fill:#6b7280}
details{margin-top:12px}
summary{cursor:pointer;color:#374151}
footer{color:#6b7280;font-size:13px;margin-top:20px}
`
