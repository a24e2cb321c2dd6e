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

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "Tests" / "Fixtures" / "reports" / "seed-daxing-yingji-2020.txt"
CHROMIUM = os.environ.get("CHROMIUM_BINARY", "/usr/bin/chromium")
DRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
SKIP = os.environ.get("GONGKAI_SKIP_EXTERNAL_TOOLS") == "1"


def require(path, package):
    if os.access(path, os.X_OK):
        return
    message = f"{path} 不存在：请安装 Debian 软件包 {package}（apt-get install {package}）"
    if SKIP:
        pytest.skip("GONGKAI_SKIP_EXTERNAL_TOOLS=1，跳过：" + message)
    pytest.fail(message)


def page_path(tmp):
    given = os.environ.get("GONGKAI_HTML")
    if given:
        return pathlib.Path(given).resolve()
    binary = pathlib.Path(os.environ.get("GONGKAI_BIN", ROOT / ".build" / "debug" / "gongkai"))
    if not os.access(binary, os.X_OK):
        pytest.fail(f"找不到 gongkai 可执行文件 {binary}：先运行 swift build，或设置 GONGKAI_BIN / GONGKAI_HTML")
    out = pathlib.Path(tmp) / "seed.html"
    subprocess.run([str(binary), "render", str(SEED), "--to", "html", "-o", str(out)], check=True)
    return out


@pytest.fixture(scope="module")
def driver():
    require(CHROMIUM, "chromium")
    require(DRIVER, "chromium-driver")
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"):
        options.add_argument(arg)
    d = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    yield d
    d.quit()


def audit(driver, url, width):
    from axe_selenium_python import Axe

    driver.set_window_size(width, 900)
    driver.get(url)
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return results


@pytest.mark.parametrize("width", [1280, 375])
def test_report_page_has_no_axe_violations(driver, width):
    with tempfile.TemporaryDirectory() as tmp:
        page = page_path(tmp)
        results = audit(driver, page.as_uri(), width)
        violations = results["violations"]
        summary = "\n".join(
            f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} 处，例如 {v['nodes'][0]['html'][:160]}"
            for v in violations
        )
        assert not violations, f"axe 在 {page}（宽 {width}px）发现 {len(violations)} 类问题：\n{summary}"
        assert results["passes"], "axe 没有运行任何检查"


def test_report_page_is_chinese_and_has_tables(driver):
    with tempfile.TemporaryDirectory() as tmp:
        page = page_path(tmp)
        driver.get(page.as_uri())
        assert driver.find_element("tag name", "html").get_attribute("lang") == "zh-CN"
        captions = [c.text for c in driver.find_elements("tag name", "caption")]
        assert len(captions) == 3, captions
        assert driver.find_element("tag name", "h1").text.strip()
