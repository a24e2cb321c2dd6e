"""Axe-core audit of the HTML page `gongkai render --to html` writes, in real headless Chromium.

Usage:
    GONGKAI_HTML=path/to/report.html pytest Tests/browser     # audit a given page
    pytest Tests/browser                                      # render the seed with .build/debug/gongkai

Environment:
    GONGKAI_BIN        the gongkai binary (default: .build/debug/gongkai)
    GONGKAI_HTML       a page to audit instead of rendering the seed
    CHROMIUM_BINARY    default /usr/bin/chromium;  CHROMEDRIVER  default /usr/bin/chromedriver
    GONGKAI_SKIP_EXTERNAL_TOOLS=1   skip (visibly) when Chromium or the driver is missing; otherwise fail.
"""
import os
import pathlib
import subprocess
import tempfile

import pytest
from conftest import ROOT, axe_violations, gongkai_binary

SEED = ROOT / "Tests" / "Fixtures" / "reports" / "seed-daxing-yingji-2020.txt"


def page_path(tmp):
    given = os.environ.get("GONGKAI_HTML")
    if given:
        return pathlib.Path(given).resolve()
    binary = gongkai_binary()
    out = pathlib.Path(tmp) / "seed.html"
    subprocess.run([str(binary), "render", str(SEED), "--to", "html", "-o", str(out)], check=True)
    return out


def audit(driver, url, width):
    driver.set_window_size(width, 900)
    driver.get(url)
    return axe_violations(driver)


@pytest.mark.parametrize("width", [1280, 375])
def test_report_page_has_no_axe_violations(driver, width):
    with tempfile.TemporaryDirectory() as tmp:
        page = page_path(tmp)
        violations = audit(driver, page.as_uri(), width)
        assert not violations, f"axe 在 {page}（宽 {width}px）发现 {len(violations)} 类问题：\n" + "\n".join(violations)


def test_report_page_is_chinese_and_has_tables(driver):
    with tempfile.TemporaryDirectory() as tmp:
        page = page_path(tmp)
        driver.get(page.as_uri())
        assert driver.find_element("tag name", "html").get_attribute("lang") == "zh-CN"
        captions = [c.text for c in driver.find_elements("tag name", "caption")]
        assert len(captions) == 3, captions
        assert driver.find_element("tag name", "h1").text.strip()
