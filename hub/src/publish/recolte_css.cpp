// /static/recolte.css: the pages' only stylesheet. System fonts (nothing fetched), contrast of at
// least 4.5:1 for every text, a visible focus ring, and tables that become cards below 760 px so a
// 360 px phone never scrolls sideways.
#include "publish/static_assets.hpp"

namespace recolte::publish {

const std::string_view kRecolteCss = R"css(:root {
  --text: #1b1f1c;
  --muted: #4d5550;
  --bg: #ffffff;
  --soft: #f3f6f3;
  --line: #c9d3cb;
  --brand: #1d5e33;
  --link: #0b4f8a;
  --focus: #b3400a;
  --badge-bg: #e3f0e6;
  --badge-text: #14451f;
  --error-bg: #fdeceb;
  --error-text: #8a1c17;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: var(--text);
  background: var(--bg);
  overflow-wrap: break-word;
}
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
main:focus { outline: none; }
.wrap { max-width: 80rem; margin: 0 auto; padding: 0 1rem; }

.skip-link {
  position: absolute; left: 0.5rem; top: -10rem; z-index: 10;
  background: var(--bg); color: var(--link); padding: 0.5rem 1rem; border: 2px solid var(--focus);
}
.skip-link:focus { top: 0.5rem; }

.site-header { background: var(--brand); color: #fff; }
.site-header .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.25rem 1.5rem; padding-top: 0.5rem; padding-bottom: 0.5rem; }
.brand { color: #fff; font-weight: 700; font-size: 1.25rem; text-decoration: none; }
.brand-sub { display: block; font-weight: 400; font-size: 0.85rem; }
.site-header :focus-visible { outline-color: #ffd28a; }
.nav { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; }
.nav a { display: inline-block; color: #fff; padding: 0.5rem 0.75rem; text-decoration: none; border-radius: 0.25rem; }
.nav a:hover { background: rgba(255, 255, 255, 0.15); }
.nav a[aria-current="page"] { background: #fff; color: var(--brand); font-weight: 600; }

main { padding-top: 1rem; padding-bottom: 2rem; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 1.75rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 0 0 0.25rem; }
.lead { color: var(--muted); max-width: 60rem; margin-top: 0; }
.muted, .sub { color: var(--muted); }
.sub { display: block; font-size: 0.875rem; font-weight: 400; }
.breadcrumb { font-size: 0.9rem; margin-top: 0.25rem; }
.headline { font-size: 1.15rem; }
.description { max-width: 60rem; white-space: pre-line; }
.unit-price { font-size: 1.05em; white-space: nowrap; }
.headline .unit-price { font-size: 1.4rem; }
.empty { padding: 1rem; background: var(--soft); border-left: 4px solid var(--line); }
.warning { color: var(--error-text); font-weight: 600; }
.tools { margin: 0.25rem 0 0.75rem; }
.results-title { margin-top: 1.25rem; }

.filters {
  display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1rem;
  padding: 1rem; background: var(--soft); border: 1px solid var(--line); border-radius: 0.5rem;
}
.more-filters { grid-column: 1 / -1; }
.more-filters > summary { cursor: pointer; font-weight: 600; padding: 0.4rem 0; min-height: 2.75rem; display: list-item; }
.filter-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.75rem 1rem; }
.field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
.field.wide { grid-column: 1 / -1; }
.field label { font-weight: 600; }
.hint { font-size: 0.85rem; color: var(--muted); }
input, select, button { font: inherit; }
input, select {
  width: 100%; min-height: 2.75rem; padding: 0.4rem 0.6rem;
  border: 1px solid #6b756e; border-radius: 0.25rem; background: #fff; color: var(--text);
}
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; grid-column: 1 / -1; }
button {
  min-height: 2.75rem; padding: 0.5rem 1.25rem; border: 0; border-radius: 0.25rem;
  background: var(--brand); color: #fff; font-weight: 600; cursor: pointer;
}
button:hover { background: #154a27; }

.table-wrap { width: 100%; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; color: var(--muted); }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--soft); border-bottom: 2px solid var(--line); font-size: 0.9rem; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fafcfa; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.excerpt { display: block; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; background: var(--soft); padding: 0.25rem 0.4rem; }

.badges { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; margin: 0; padding: 0; }
.badge { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 1rem; background: var(--badge-bg); color: var(--badge-text); font-size: 0.85rem; font-weight: 600; }
.badge.near { margin-top: 0.25rem; background: #fff1d6; color: #6b3b00; white-space: nowrap; }
.offers td[data-label="Prix de vente"] { min-width: 8rem; }
.badge.ok { background: var(--badge-bg); color: var(--badge-text); }
.badge.failed { background: var(--error-bg); color: var(--error-text); }
.plain { list-style: none; margin: 0; padding: 0; }

.details { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; margin: 0; border-top: 1px solid var(--line); }
.details > div { display: contents; }
.details dt, .details dd { padding: 0.45rem 0.5rem; border-bottom: 1px solid var(--line); margin: 0; }
.details dt { font-weight: 600; background: var(--soft); }

.cards { list-style: none; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem; margin: 0; padding: 0; }
.card { border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.75rem 1rem; }
.card p { margin: 0.25rem 0; }

.notice { padding: 0.75rem 1rem; border-radius: 0.25rem; margin: 1rem 0; }
.notice.error { background: var(--error-bg); color: var(--error-text); border-left: 4px solid var(--error-text); }

.pager ul { list-style: none; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.25rem; padding: 0; margin: 1rem 0; }
.pager a { display: inline-block; padding: 0.5rem 0.25rem; }

.site-footer { border-top: 1px solid var(--line); background: var(--soft); color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { padding-top: 0.75rem; padding-bottom: 0.75rem; }

/* Narrow screens: every table row becomes a card whose cells carry their column name. */
@media (max-width: 760px) {
  h1 { font-size: 1.45rem; }
  .filters, .filter-grid { grid-template-columns: 1fr; }
  .filters { padding: 0.75rem; }
  table.responsive, table.responsive tbody, table.responsive tr, table.responsive th, table.responsive td { display: block; width: 100%; }
  table.responsive thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.responsive tr { border: 1px solid var(--line); border-radius: 0.5rem; margin-bottom: 0.75rem; background: #fff; }
  table.responsive tbody tr:nth-child(even) { background: #fff; }
  table.responsive th, table.responsive td { border-bottom: 1px solid #e3e8e4; text-align: left; }
  table.responsive tbody th { background: var(--soft); font-size: 1.05rem; }
  table.responsive caption { display: block; width: 100%; }
  table.responsive td { position: relative; padding: 0.35rem 0.6rem 0.35rem 8.25rem; min-height: 2rem; }
  table.responsive td::before {
    content: attr(data-label); position: absolute; left: 0.6rem; top: 0.4rem; width: 7.25rem;
    font-size: 0.85rem; font-weight: 600; color: var(--muted);
  }
  table.responsive td.num { text-align: left; }
  .details { grid-template-columns: 1fr; }
  .details dt { border-bottom: 0; padding-bottom: 0; background: none; }
}
@media print {
  .site-header nav, .filters, .pager, .skip-link { display: none; }
}
)css";

}  // namespace recolte::publish
