/// The page's stylesheet: screen (phones first), and print on A4.
enum HTMLStyle {
    static let css = """

        :root { color: #111; background: #fff; }
        body { margin: 0; font-family: "FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif;
          font-size: 1rem; line-height: 1.75; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        h1 { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "宋体", "Noto Serif CJK SC", serif;
          font-size: 1.6rem; font-weight: normal; text-align: center; line-height: 1.5; margin: 1rem 0 1.5rem; }
        h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-size: 1.2rem; font-weight: normal;
          margin: 1.5rem 0 .5rem; }
        .gk-line { white-space: pre-wrap; margin: 0 0 .25rem; text-indent: 2em; }
        h1 .gk-line { display: inline; text-indent: 0; margin: 0; }
        .gk-table-wrap { overflow-x: auto; margin: .75rem 0 1.25rem; }
        .gk-table-wrap:focus { outline: 2px solid #1a4f8b; outline-offset: 2px; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; line-height: 1.4; }
        caption { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; text-align: center; padding: .25rem; }
        th, td { border: 1px solid #222; padding: .3rem .35rem; vertical-align: middle; }
        th { font-weight: normal; background: #f2f2f2; }
        thead th, .gk-block { font-weight: bold; }
        th[scope="row"], th[scope="rowgroup"] { text-align: left; }
        td { text-align: center; font-variant-numeric: tabular-nums; }
        .gk-note { font-size: .8rem; text-align: left; background: #fff; }
        .gk-cols-10, .gk-cols-15 { min-width: 44rem; }
        @media (max-width: 40rem) {
          main { padding: .5rem; }
          h1 { font-size: 1.3rem; }
          table { font-size: .8rem; }
          th, td { padding: .2rem; }
        }
        @media print {
          @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
          body { font-size: 16pt; line-height: 1.6; }
          main { max-width: none; padding: 0; }
          h1 { font-size: 22pt; }
          h2 { font-size: 16pt; page-break-after: avoid; }
          .gk-table-wrap { overflow: visible; }
          .gk-table-wrap:focus { outline: none; }
          table { font-size: 9pt; min-width: 0 !important; page-break-inside: auto; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          th { background: none; }
        }

        """
}
