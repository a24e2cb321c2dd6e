"""The public portal in real headless Chromium, as people use it: find the catalogue, apply as a citizen and as a
firm with mistakes first, get the 查询码 and track it; an axe audit of every public page at 1280 and 375 px.

Runs `gongkai serve --demo` (GONGKAI_BIN, default .build/debug/gongkai) on a free port and a fresh database.
"""
import urllib.parse

from conftest import ROOT

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait

from conftest import axe_violations

WIDTHS = [1280, 375]


def fill(driver, values):
    """Types each value into the field with that id (replacing what is there)."""
    for field_id, value in values.items():
        el = driver.find_element(By.ID, field_id)
        el.clear()
        el.send_keys(value)


def submit_and_wait(driver, button_id="submit", css=None):
    """Clicks the button with `button_id` (None: the page's only submit button in main; `css`: the element it
    selects) and waits for the next page.

    The old page is marked with a script variable and the wait is for a complete page without it. (Selenium's
    `staleness_of` asks Chromium about the old node while it is being replaced, and Chromium may answer that race
    with a generic WebDriverException instead of a stale-element error; errors during the switch are ignored.)
    """
    driver.execute_script("window.__gongkaiOldPage = true")
    if css is not None:
        driver.find_element(By.CSS_SELECTOR, css).click()
    elif button_id is None:
        driver.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    else:
        driver.find_element(By.ID, button_id).click()
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.__gongkaiOldPage && document.readyState === 'complete'"))


def assert_fits(driver, where):
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{where}：页面比屏幕宽 {overflow}px，需要横向滚动"


def apply_as_citizen(driver, server):
    driver.get(server + "/agencies/1/apply")
    fill(driver, {
        "applicant-name": "张三",
        "applicant-idNumber": "110105194912310021",  # wrong check digit (should be X)
        "applicant-phone": "1380000",  # too short
        "applicant-address": "北京市大兴区兴丰大街1号",
    })
    # No description at all.
    submit_and_wait(driver)
    return driver


def test_a_citizen_corrects_mistakes_applies_and_tracks(driver, server):
    driver.set_window_size(1280, 900)
    apply_as_citizen(driver, server)
    summary = driver.find_element(By.ID, "problems")
    assert "3 处" in summary.text
    assert "身份证号码校验码错误" in driver.find_element(By.ID, "applicant-idNumber-error").text
    assert "不是电话号码" in driver.find_element(By.ID, "applicant-phone-error").text
    assert "不能为空" in driver.find_element(By.ID, "request-description-error").text
    # Nothing typed was lost.
    assert driver.find_element(By.ID, "applicant-name").get_attribute("value") == "张三"
    assert driver.find_element(By.ID, "applicant-address").get_attribute("value") == "北京市大兴区兴丰大街1号"
    # The summary's links lead to the fields.
    summary.find_element(By.CSS_SELECTOR, "a[href='#applicant-phone']").click()
    assert driver.switch_to.active_element.get_attribute("id") == "applicant-phone"

    fill(driver, {
        "applicant-idNumber": "11010519491231002X",
        "applicant-phone": "13800000000",
        "request-description": "2020年本局安全生产行政处罚决定书",
    })
    submit_and_wait(driver)
    assert "申请已提交" in driver.find_element(By.TAG_NAME, "h1").text
    code = driver.find_element(By.ID, "tracking-code").text
    assert len(code) == 19, code
    assert "网申" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text

    driver.get(server + "/track")
    fill(driver, {"code": code.lower()})
    driver.find_element(By.ID, "code").send_keys(Keys.ENTER)
    WebDriverWait(driver, 20).until(ec.presence_of_element_located((By.ID, "status-h")))
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "办理中" in page and "收到申请（第三十一条）" in page and "第20个工作日" in page
    assert "张三" not in page and "13800000000" not in page


def test_a_firm_sees_its_own_fields_and_applies(driver, server):
    driver.set_window_size(375, 800)
    driver.get(server + "/agencies/1/apply")
    credit = driver.find_element(By.ID, "applicant-creditCode")
    assert not credit.is_displayed(), "公民申请时不应显示法人字段"
    driver.find_element(By.CSS_SELECTOR, "label[for='applicant-kind-commercialEnterprise']").click()
    assert credit.is_displayed()
    assert not driver.find_element(By.ID, "applicant-idNumber").is_displayed()
    fill(driver, {
        "applicant-name": "北京某某科技有限公司",
        "applicant-creditCode": "91110000600037341X",  # wrong check character
        "applicant-contactPerson": "王五",
        "applicant-phone": "010-12345678",
        "request-description": "2020年部门预算",
    })
    submit_and_wait(driver)
    assert driver.find_element(By.ID, "applicant-creditCode-error").text
    assert driver.find_element(By.ID, "applicant-name").get_attribute("value") == "北京某某科技有限公司"
    assert driver.find_element(By.ID, "applicant-kind-commercialEnterprise").is_selected()
    fill(driver, {"applicant-creditCode": "91110000600037341L"})
    submit_and_wait(driver)
    assert "申请已提交" in driver.find_element(By.TAG_NAME, "h1").text
    assert "北京某某科技有限公司（商业企业）" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert_fits(driver, "回执")


def test_the_draft_survives_leaving_the_page(driver, server):
    driver.set_window_size(1280, 900)
    driver.get(server + "/agencies/1/apply")
    driver.execute_script("localStorage.clear()")
    driver.get(server + "/agencies/1/apply")
    fill(driver, {"applicant-name": "赵六", "request-description": "某某文件"})
    driver.get(server + "/")
    driver.get(server + "/agencies/1/apply")
    assert driver.find_element(By.ID, "applicant-name").get_attribute("value") == "赵六"
    assert driver.find_element(By.ID, "request-description").get_attribute("value") == "某某文件"
    driver.execute_script("localStorage.clear()")


def test_a_newcomer_finds_the_budget_in_the_catalogue(driver, server):
    driver.set_window_size(375, 800)
    driver.get(server + "/")
    driver.find_element(By.LINK_TEXT, "北京市大兴区应急管理局").click()
    driver.find_element(By.LINK_TEXT, "检索全部目录").click()
    fill(driver, {"q": "预算"})
    driver.find_element(By.ID, "q").send_keys(Keys.ENTER)
    WebDriverWait(driver, 20).until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "p[role=status]"), "共 43 条"))
    assert "预算" in driver.find_element(By.CSS_SELECTOR, "tbody tr td:nth-child(2)").text
    assert_fits(driver, "目录检索结果")
    driver.find_element(By.CSS_SELECTOR, "tbody tr td:nth-child(2) a").click()
    assert "预算" in driver.find_element(By.TAG_NAME, "h1").text
    assert "索引号" in driver.find_element(By.CSS_SELECTOR, "dl.item-meta").text
    assert_fits(driver, "目录条目")


def test_a_newcomer_finds_the_2020_report_and_its_files(driver, server):
    driver.set_window_size(375, 800)
    driver.get(server + "/")
    driver.find_element(By.LINK_TEXT, "北京市大兴区应急管理局").click()
    driver.find_element(By.LINK_TEXT, "2020年政府信息公开工作年度报告").click()
    assert "2020年政府信息公开工作年度报告" in driver.find_element(By.TAG_NAME, "h1").text
    assert "21" in driver.find_element(By.CSS_SELECTOR, ".report-view").text
    assert len(driver.find_element(By.CSS_SELECTOR, ".report-meta code").text) == 64
    links = {a.text: a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".report-meta ul a")}
    assert set(links) >= {"Word（公文格式）", "PDF", "图解", "JSON（数据）"}
    assert_fits(driver, "年度报告")


def test_the_skip_link_is_the_first_stop_of_the_keyboard(driver, server):
    driver.set_window_size(1280, 900)
    driver.get(server + "/agencies/1")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    first = driver.switch_to.active_element
    assert first.text == "跳到正文"
    first.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"


FIXTURES = ROOT / "Tests" / "Fixtures" / "reports"


def check_reports(driver, server, *names):
    driver.get(server + "/check")
    driver.find_element(By.ID, "file").send_keys("\n".join(str(FIXTURES / n) for n in names))
    submit_and_wait(driver, button_id=None)


def test_a_researcher_checks_two_reports_and_sees_the_errors_on_their_cells(driver, server):
    driver.set_window_size(1280, 900)
    check_reports(driver, server, "05-pingtan-ziranziyuanju-2020.txt", "seed-daxing-yingji-2020.txt")
    headings = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "section.checked h2")]
    assert headings == ["平潭综合实验区自然资源与生态环境局2020年度报告：发现 2 处错误",
                        "北京市大兴区应急管理局2020年度报告：表格自洽，未发现错误"], headings
    flagged = driver.find_elements(By.CSS_SELECTOR, "td.flagged")
    assert [c.text for c in flagged] == ["0 6", "9 7"], [c.text for c in flagged]
    flagged[0].find_element(By.CSS_SELECTOR, "a.mark").click()
    target = driver.find_element(By.ID, "file-1-finding-6")
    assert "（七）总计" in target.text and "应为 1，实为 0" in target.text
    assert driver.execute_script("return location.hash") == "#file-1-finding-6"
    csv = driver.find_element(By.PARTIAL_LINK_TEXT, "CSV").get_attribute("href")
    assert csv.startswith("data:text/csv;charset=utf-8,%EF%BB%BF")


def public_pages(driver, server):
    """Every public page, with the states a person meets: empty, with errors, answered, found, not found."""
    yield "首页", server + "/"
    yield "专栏", server + "/agencies/1"
    yield "指南", server + "/agencies/1/guide"
    yield "年度报告", server + "/agencies/1/reports/2020"
    yield "目录检索", server + "/agencies/1/catalogue?q=" + urllib.parse.quote("预算")
    yield "目录（参数有误）", server + "/agencies/1/catalogue?year=abc"
    yield "目录条目", server + "/agencies/1/catalogue/items/1"
    yield "申请表", server + "/agencies/1/apply"
    yield "申请查询", server + "/track"
    yield "核查年报", server + "/check"
    yield "查询码不存在", server + "/track?code=ABCD-EFGH-JKMN-PQRS"
    yield "网站地图", server + "/sitemap"
    yield "404", server + "/no-such-page"
    yield "长者模式", server + "/display?mode=large&back=/agencies/1"


@pytest.mark.parametrize("width", WIDTHS)
def test_every_public_page_passes_axe_and_fits_the_screen(driver, server, width):
    driver.set_window_size(width, 900)
    failures = []
    for name, url in public_pages(driver, server):
        driver.get(url)
        failures += [f"{name}（{url}）：{v}" for v in axe_violations(driver)]
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            failures.append(f"{name}（{url}）：比 {width}px 的屏幕宽 {overflow}px")
    driver.get(server + "/display?mode=standard&back=/")
    # The form's answers: with errors, and received.
    apply_as_citizen(driver, server)
    failures += [f"申请表（有错误）：{v}" for v in axe_violations(driver)]
    fill(driver, {"applicant-idNumber": "11010519491231002X", "applicant-phone": "13800000000",
                  "request-description": "2020年应急预案"})
    submit_and_wait(driver)
    failures += [f"回执：{v}" for v in axe_violations(driver)]
    code = driver.find_element(By.ID, "tracking-code").text
    driver.get(server + "/track?code=" + code)
    failures += [f"查询结果：{v}" for v in axe_violations(driver)]
    check_reports(driver, server, "05-pingtan-ziranziyuanju-2020.txt", "15-shuyang-fagaiju-2023.txt")
    failures += [f"核查结果：{v}" for v in axe_violations(driver)]
    assert not failures, f"宽 {width}px：\n" + "\n".join(failures)
