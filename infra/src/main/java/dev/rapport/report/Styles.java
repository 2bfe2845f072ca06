package dev.rapport.report;

/** The report's inline style sheet and script: no fonts, files or anything else from outside. */
final class Styles {

    private Styles() {}

    static final String CSS =
            """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#d9e2ec;--accent:#2f6fde;--band:rgba(47,111,222,.18);\
            --bad:#d64545;--bg:#f5f7fa}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);\
            font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
            header{background:#fff;border-bottom:1px solid var(--line);padding:24px 32px 8px}
            h1{margin:0 0 4px;font-size:26px}
            h2{margin:0 0 8px;font-size:20px}
            .meta{margin:0 0 16px;color:var(--muted)}
            nav{display:flex;flex-wrap:wrap;gap:4px 16px;margin:12px 0}
            nav a{color:var(--accent);text-decoration:none;font-size:14px}
            main{max-width:1220px;margin:0 auto;padding:16px 24px 48px}
            .card{background:#fff;border:1px solid var(--line);border-radius:10px;padding:20px 24px;margin:16px 0}
            .kpis{display:flex;flex-wrap:wrap;gap:12px}
            .kpi{flex:1 1 180px;background:var(--bg);border-radius:8px;padding:12px 16px}
            .kpi-name{color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
            .kpi-value{font-size:30px;font-weight:650}
            .kpis.small .kpi-value{font-size:22px}
            .kpi-detail{color:var(--muted);font-size:13px}
            .lede{color:var(--muted);margin:0 0 12px;max-width:900px}
            .empty{color:var(--muted);font-style:italic;margin:0}
            .pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:8px 24px}
            figure{margin:8px 0}
            figcaption{font-weight:600;margin-bottom:4px}
            svg.chart{width:100%;max-width:980px;height:auto;display:block}
            .pair svg text{font-size:14px}
            .pair svg .tick{font-size:13px}
            svg text{font-size:12px;fill:var(--ink)}
            svg .tick{fill:var(--muted);font-size:11px}
            svg .grid{stroke:var(--line);stroke-width:1}
            svg .grid.zero,svg .zero{stroke:#9aa5b1;stroke-width:1}
            svg .band{fill:var(--band);stroke:none}
            svg .line{fill:none;stroke:var(--accent);stroke-width:2}
            svg .point{fill:var(--accent);cursor:pointer}
            svg .point:hover{r:5}
            svg .bar{fill:var(--accent)}
            svg .bar.negative{fill:var(--bad)}
            svg .box{fill:var(--band);stroke:var(--accent)}
            svg .median{stroke:var(--ink);stroke-width:2}
            svg .whisker{stroke:var(--accent);stroke-width:2}
            svg .strong{font-weight:700}
            table.at-risk{border-collapse:collapse;width:100%;margin-top:12px;font-size:14px}
            .at-risk th,.at-risk td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
            .at-risk td.id{font-family:ui-monospace,monospace;font-size:13px}
            .at-risk ul{margin:0;padding-left:18px}
            .meter{display:inline-block;width:60px;height:8px;border-radius:4px;vertical-align:middle;\
            background:linear-gradient(90deg,var(--bad) calc(var(--risk)*100%),var(--line) 0)}
            #tip{position:fixed;display:none;pointer-events:none;background:var(--ink);color:#fff;padding:4px 8px;\
            border-radius:4px;font-size:13px;z-index:10}
            """;

    /** Tooltips for chart points, then the marker that says the script ran to its end. */
    static final String SCRIPT =
            """
            (function(){
              var tip=document.getElementById('tip');
              var points=document.querySelectorAll('[data-tip]');
              for(var i=0;i<points.length;i++){
                points[i].addEventListener('mouseenter',function(e){
                  tip.textContent=e.target.getAttribute('data-tip');tip.style.display='block';});
                points[i].addEventListener('mousemove',function(e){
                  tip.style.left=(e.clientX+12)+'px';tip.style.top=(e.clientY+12)+'px';});
                points[i].addEventListener('mouseleave',function(){tip.style.display='none';});
              }
              document.documentElement.setAttribute('data-charts',String(document.querySelectorAll('svg.chart').length));
              document.documentElement.setAttribute('data-script-ran','yes');
            })();
            """;
}
