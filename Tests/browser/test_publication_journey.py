"""One piece of 主动公开 from its draft to the website, in real headless Chromium: the officer drafts it (a mistake
first), submits it for 保密审查 and is not offered the review; the website does not show it; the 负责人 answers the
checklist 否 throughout and passes it; it is 已发布 with its 索引号, and the public catalogue shows and finds it. An
axe audit of the list, the form with its errors and the item page (as officer and as head, at 1280 and 375 px).
"""
import pathlib
import tempfile
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import axe_violations
from test_case_journey import china_today
from test_portal import WIDTHS, assert_fits, fill, submit_and_wait
from test_staff import sign_in

TITLE = "关于2026年度安全生产检查计划的公告"
QUERY = "安全生产检查计划"


def status(driver):
    return driver.find_element(By.CSS_SELECTOR, "p.status").text


def facts(driver):
    """The item page's first facts list, as {label: value}."""
    dl = driver.find_element(By.CSS_SELECTOR, "dl.facts")
    labels = [dt.text for dt in dl.find_elements(By.TAG_NAME, "dt")]
    values = [dd.text for dd in dl.find_elements(By.TAG_NAME, "dd")]
    return dict(zip(labels, values))


def audit(driver, name, failures):
    """axe at each width (1280 and 375 px) on the page the driver shows; also that it fits the screen."""
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        for step in driver.find_elements(By.TAG_NAME, "details"):
            driver.execute_script("arguments[0].open = true", step)
        failures += [f"{name}（{width}px）：{v}" for v in axe_violations(driver)]
        assert_fits(driver, f"{name}（{width}px）")
    driver.set_window_size(1280, 900)


def search_catalogue(driver, server):
    driver.get(server + "/agencies/1/catalogue?q=" + urllib.parse.quote(QUERY))
    return driver.find_element(By.TAG_NAME, "main").text


def test_a_publication_from_its_draft_to_the_website(driver, server, demo_staff, demo_head):
    driver.set_window_size(1280, 900)
    failures = []

    # The officer: from the 工作台 to the list, then the form.
    sign_in(driver, server, *demo_staff)
    assert driver.current_url == server + "/staff"
    driver.find_element(By.LINK_TEXT, "主动公开（起草、保密审查、发布）").click()
    assert driver.current_url == server + "/staff/publications"
    assert driver.find_element(By.TAG_NAME, "h1").text == "主动公开"
    audit(driver, "主动公开列表", failures)
    driver.find_element(By.LINK_TEXT, "起草拟公开信息").click()
    assert driver.current_url == server + "/staff/publications/new"
    assert driver.find_element(By.TAG_NAME, "h1").text == "起草拟公开信息"

    # A mistake first: no title.
    Select(driver.find_element(By.ID, "article20Item")).select_by_value("1")
    fill(driver, {"formedOn": china_today().isoformat(), "body": "第一段。\n第二段。"})
    submit_and_wait(driver, css="button[value=save]")
    assert "标题" in driver.find_element(By.ID, "problems").text
    audit(driver, "起草拟公开信息（有错误）", failures)

    # Then right: 标题, 信息类别, 形成日期, 正文 of two lines; no 定时发布.
    fill(driver, {
        "title": TITLE,
        "formedOn": china_today().isoformat(),
        "body": "为做好2026年度安全生产检查工作，现将检查计划公告如下。\n检查时间为2026年3月至11月。",
    })
    Select(driver.find_element(By.ID, "article20Item")).select_by_value("1")
    assert driver.find_element(By.ID, "publishAt").get_attribute("value") == ""
    submit_and_wait(driver, css="button[value=save]")
    assert driver.find_element(By.TAG_NAME, "h1").text == TITLE, driver.find_element(By.TAG_NAME, "main").text
    item_url = driver.current_url.split("?")[0]

    # A file attached: a renamed one is refused beside the field; the PDF is listed with its size.
    with tempfile.TemporaryDirectory() as tmp:
        fake = pathlib.Path(tmp) / "检查表.pdf"
        fake.write_bytes(b"\x89PNG\r\n\x1a\n")
        driver.find_element(By.ID, "file").send_keys(str(fake))
        submit_and_wait(driver, css="form[enctype] button")
        assert "文件内容不是 .pdf 格式" in driver.find_element(By.ID, "problems").text
        audit(driver, "拟公开信息（附件有错误）", failures)
        pdf = pathlib.Path(tmp) / "检查计划.pdf"
        pdf.write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")
        driver.find_element(By.ID, "file").send_keys(str(pdf))
        submit_and_wait(driver, css="form[enctype] button")
    assert "附件已上传" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    driver.find_element(By.LINK_TEXT, "检查计划.pdf")
    assert item_url.startswith(server + "/staff/publications/"), item_url
    assert "草稿" in status(driver)
    paragraphs = [p.text for p in driver.find_elements(By.CSS_SELECTOR, "article.letter p")]
    assert paragraphs == ["为做好2026年度安全生产检查工作，现将检查计划公告如下。", "检查时间为2026年3月至11月。"]

    # Submitted for review: the officer does not review.
    submit_and_wait(driver, css="button[name=action][value=submit]")
    assert "待审核" in status(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "button[value=pass]"), "the officer is not offered the review"
    audit(driver, "拟公开信息（承办人）", failures)

    # Not on the website before it is reviewed and published.
    assert TITLE not in search_catalogue(driver, server)

    # The 负责人 reviews it: every question 否, 审查通过.
    driver.get(server + "/staff")
    submit_and_wait(driver, css="nav.staff-bar button")
    assert "您已安全退出" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    sign_in(driver, server, *demo_head)
    driver.get(server + "/staff/publications?state=inReview")
    driver.find_element(By.LINK_TEXT, TITLE).click()
    assert driver.current_url.split("?")[0] == item_url
    assert "待审核" in status(driver)
    audit(driver, "拟公开信息（负责人）", failures)
    radios = driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]")
    assert radios, "the 保密审查 checklist has questions"
    assert [r.get_attribute("name") for r in radios] == [f"q{i}" for i in range(len(radios))]
    for radio in radios:
        radio.click()
    submit_and_wait(driver, css="button[value=pass]")
    assert "已发布" in status(driver), driver.find_element(By.TAG_NAME, "main").text
    index_number = facts(driver).get("索引号")
    assert index_number, facts(driver)
    audit(driver, "拟公开信息（已发布）", failures)

    # On the website: the item page, and the catalogue's search finds it.
    driver.find_element(By.LINK_TEXT, "在网站上查看").click()
    assert driver.current_url.startswith(server + "/agencies/1/catalogue/items/"), driver.current_url
    page = driver.find_element(By.TAG_NAME, "main").text
    assert TITLE in page and index_number in page, page
    attachment = driver.find_element(By.LINK_TEXT, "检查计划.pdf").get_attribute("href")
    assert "/attachments/" in attachment, attachment
    assert TITLE in search_catalogue(driver, server)
    driver.find_element(By.LINK_TEXT, TITLE)

    driver.get(server + "/staff")
    submit_and_wait(driver, css="nav.staff-bar button")
    assert not failures, "\n".join(failures)
