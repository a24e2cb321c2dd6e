"""双公示 and 依申请公开 in real headless Chromium, as an officer and a 负责人 would click through them.

A batch of 行政处罚 decisions is uploaded with an item (a wrong file first, named by line and column), shown to the
reviewer, published with the item and listed on its public page; an item drafted 依申请公开 is listed in the 目录 by
its entry alone, and its page leads to the application form filled with it. axe at 1280 and 375 px on each page.
"""
import pathlib
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_case_journey import china_today
from test_portal import fill, submit_and_wait
from test_publication_journey import audit, status
from test_staff import sign_in

PENALTIES = "2026年12月安全生产行政处罚决定公示"
ON_REQUEST = "2027年度执法检查分工方案"
REFERENCE = "京兴应急CF〔2026〕901号"


def draft(driver, server, title, article20_item, disclosure="proactive"):
    """Saves a draft from the form; returns the item's staff URL."""
    driver.get(server + "/staff/publications/new")
    fill(driver, {"title": title, "formedOn": china_today().isoformat()})
    Select(driver.find_element(By.ID, "article20Item")).select_by_value(article20_item)
    Select(driver.find_element(By.ID, "disclosure")).select_by_value(disclosure)
    submit_and_wait(driver, css="button[value=save]")
    assert driver.find_element(By.TAG_NAME, "h1").text == title, driver.find_element(By.TAG_NAME, "main").text
    return driver.current_url.split("?")[0]


def upload_decisions(driver, tmp, name, text):
    path = pathlib.Path(tmp) / name
    path.write_text(text, encoding="utf-8")
    driver.find_element(By.ID, "decisions").send_keys(str(path))
    submit_and_wait(driver, css="form[action$='/decisions'] button")


def pass_review(driver, server, url):
    """As whoever is signed in: every question of the checklist 否, 审查通过."""
    driver.get(url)
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]"):
        radio.click()
    submit_and_wait(driver, css="button[value=pass]")
    assert "已发布" in status(driver), driver.find_element(By.TAG_NAME, "main").text


def sign_out(driver, server):
    driver.get(server + "/staff")
    submit_and_wait(driver, css="nav.staff-bar button")


def test_decisions_and_an_on_request_entry_from_draft_to_the_website(driver, server, demo_staff, demo_head):
    driver.set_window_size(1280, 900)
    failures = []
    sign_in(driver, server, *demo_staff)

    # 双公示: an item of 第二十条第（六）项 with its decisions.
    penalties = draft(driver, server, PENALTIES, "6")
    with tempfile.TemporaryDirectory() as tmp:
        upload_decisions(driver, tmp, "十二月.csv", f"item_code,decided_on,reference\nCF-999,{china_today()},{REFERENCE}\n")
        problems = driver.find_element(By.ID, "problems").text
        assert "十二月.csv 第2行「item_code」列" in problems, problems
        audit(driver, "拟公开信息（处理决定有错误）", failures)
        upload_decisions(driver, tmp, "十二月.csv", f"事项编码,决定日期,决定书文号\nCF-002,{china_today()},{REFERENCE}\n")
    table = driver.find_element(By.CSS_SELECTOR, "[aria-label=处理决定] table").text
    assert REFERENCE in table and "CF-002" in table, table
    audit(driver, "拟公开信息（处理决定）", failures)
    submit_and_wait(driver, css="button[name=action][value=submit]")
    assert "待审核" in status(driver)

    # 依申请公开: the form says what it means; the draft shows the attribute.
    on_request = draft(driver, server, ON_REQUEST, "1", disclosure="onRequest")
    assert "依申请公开" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert not driver.find_elements(By.ID, "decisions"), "decisions are for information disclosed proactively"
    submit_and_wait(driver, css="button[name=action][value=submit]")
    sign_out(driver, server)

    # The 负责人 sees the decisions in the review and passes both.
    sign_in(driver, server, *demo_head)
    driver.get(penalties)
    assert REFERENCE in driver.find_element(By.TAG_NAME, "main").text
    audit(driver, "拟公开信息（处理决定，负责人）", failures)
    pass_review(driver, server, penalties)
    pass_review(driver, server, on_request)
    driver.get(penalties)
    driver.find_element(By.LINK_TEXT, "在网站上查看").click()
    decisions = driver.find_element(By.CSS_SELECTOR, "[aria-label=处理决定] table").text
    assert REFERENCE in decisions and "安全生产违法行为行政处罚" in decisions, decisions
    audit(driver, "目录条目（处理决定）", failures)

    # The 依申请公开 entry: listed, no text, and the way to apply for it.
    driver.get(on_request)
    driver.find_element(By.LINK_TEXT, "在网站上查看").click()
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "本信息属于依申请公开的政府信息" in main, main
    audit(driver, "目录条目（依申请公开）", failures)
    driver.find_element(By.LINK_TEXT, "在线申请获取本信息").click()
    assert "/apply?item=" in driver.current_url, driver.current_url
    description = driver.find_element(By.ID, "request-description").get_attribute("value")
    assert f"申请获取《{ON_REQUEST}》全文" in description, description
    sign_out(driver, server)
    assert not failures, "\n".join(failures)
