"""The annual report from its draft to the website and its amendment, in real headless Chromium: the officer
opens last year's report (31 January has passed: it is marked late), writes a figure that contradicts the tables
and is stopped, puts the offered sentences back, fills 五 and 六 and submits; the 负责人 answers the 保密审查 checklist,
passes and approves it; the report is on the portal in every form with its hash; then an amendment with its note
makes 第2版, the first still reachable. An axe audit of the year list, the draft with its findings and the review
page, at 1280 and 375 px.
"""
from selenium.webdriver.common.by import By

from test_case_journey import china_today
from test_portal import fill, submit_and_wait
from test_publication_journey import audit, status
from test_staff import sign_in


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def sign_out(driver, server):
    driver.get(server + "/staff")
    submit_and_wait(driver, css="nav.staff-bar button")


def test_a_report_from_its_draft_to_the_website_and_its_amendment(driver, server, demo_staff, demo_head):
    year = china_today().year - 1
    driver.set_window_size(1280, 900)
    failures = []

    # The officer: the 工作台 reminds of last year's report; the list marks it late and offers a draft.
    sign_in(driver, server, *demo_staff)
    assert f"{year}年度报告应于{year + 1}-01-31前公布" in main_text(driver)
    driver.find_element(By.LINK_TEXT, "年度报告").click()
    assert driver.current_url == server + "/staff/reports"
    assert "已逾期" in main_text(driver)
    audit(driver, "年度报告列表", failures)
    submit_and_wait(driver, css=f"input[name=year][value='{year}'] ~ button")
    draft_url = driver.current_url.split("?")[0]
    assert draft_url.startswith(server + "/staff/reports/"), draft_url
    assert driver.find_element(By.TAG_NAME, "h1").text == f"{year}年度报告草稿"
    overview = driver.find_element(By.ID, "overview").get_attribute("value")
    assert "本年度共收到政府信息公开申请" in overview, overview
    assert "尚未填写" in driver.find_element(By.ID, "blocking").text

    # Each figure of section II links to the register rows it counts.
    driver.find_element(By.XPATH, "//summary[contains(., '第二部分各项数字统计的台账记录')]").click()
    driver.find_element(By.CSS_SELECTOR, "details a[href*='/records?row=rules']").click()
    assert f"{year}年度报告第二部分「规章」" in driver.find_element(By.TAG_NAME, "h1").text
    audit(driver, "第二部分统计的台账记录", failures)
    driver.get(draft_url)

    # Each row of section III links to the applications it counts.
    driver.find_element(By.XPATH, "//summary[contains(., '第三部分各行统计的申请')]").click()
    driver.find_element(By.CSS_SELECTOR, "details a[href*='/cases?row=total']").click()
    assert f"{year}年度报告第三部分" in driver.find_element(By.TAG_NAME, "h1").text
    audit(driver, "第三部分统计的申请", failures)
    driver.get(draft_url)

    # Each group of section IV links to the appeals it counts.
    driver.find_element(By.XPATH, "//summary[contains(., '第四部分统计的行政复议、行政诉讼案件')]").click()
    driver.find_element(By.CSS_SELECTOR, "details a[href*='/appeals?group=']").click()
    assert f"{year}年度报告第四部分" in driver.find_element(By.TAG_NAME, "h1").text, driver.find_element(By.TAG_NAME, "h1").text
    audit(driver, "第四部分统计的复议诉讼", failures)
    driver.get(draft_url)

    # A figure that contradicts the tables: caught on save, and submission refused.
    fill(driver, {"overview": "本年度共收到政府信息公开申请999件。", "problems": "一是公开内容有待丰富；二是办理流程有待规范。", "otherMatters": "无。"})
    submit_and_wait(driver, css="button[value=save]")
    blocking = driver.find_element(By.ID, "blocking").text
    assert "999" in blocking and "第一部分" in blocking, blocking
    audit(driver, "年度报告草稿（有问题）", failures)
    submit_and_wait(driver, css="button[value=submit]")
    assert "改正后才能提交审核" in driver.find_element(By.ID, "problems").text

    # The offered sentences instead: nothing blocks; submitted.
    driver.get(draft_url)
    driver.find_element(By.ID, "overview").clear()
    submit_and_wait(driver, css="button[value=suggest]")
    assert "正文写到的数字与表格一致" in driver.find_element(By.ID, "blocking").text
    submit_and_wait(driver, css="button[value=submit]")
    assert "待审核" in status(driver), main_text(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, "button[value=pass]"), "the author is not offered the review"
    sign_out(driver, server)

    # The 负责人 reviews (every question 否) and approves.
    sign_in(driver, server, *demo_head)
    assert "待您审核 1 份" in main_text(driver)
    driver.get(draft_url)
    audit(driver, "年度报告审核", failures)
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]"):
        radio.click()
    submit_and_wait(driver, css="button[value=pass]")
    assert "待负责人审批" in status(driver), main_text(driver)
    submit_and_wait(driver, css="button[value=approve]")
    assert "已公布" in status(driver), main_text(driver)

    # On the portal, in every form, with its hash.
    driver.find_element(By.LINK_TEXT, "网站上已公布的报告").click()
    assert driver.current_url == f"{server}/agencies/1/reports/{year}"
    page = main_text(driver)
    assert "本年度共收到政府信息公开申请" in page and "一是公开内容有待丰富" in page and "SHA-256" in page, page
    for label in ["网页（单独打开、打印）", "Word（公文格式）", "PDF", "图解", "JSON（数据）"]:
        driver.find_element(By.LINK_TEXT, label)
    sign_out(driver, server)

    # An amendment: from the published words, with its note; 第2版, the first still there.
    sign_in(driver, server, *demo_staff)
    driver.get(server + "/staff/reports")
    submit_and_wait(driver, css=f"input[name=year][value='{year}'] ~ button")
    assert driver.find_element(By.TAG_NAME, "h1").text == f"{year}年度报告修订草稿"
    fill(driver, {"otherMatters": "本机关政府信息公开工作机构联系电话：010-69210000。", "amendmentNote": "补充第六部分的联系电话"})
    submit_and_wait(driver, css="button[value=save]")
    submit_and_wait(driver, css="button[value=submit]")
    amendment_url = driver.current_url.split("?")[0]
    sign_out(driver, server)
    sign_in(driver, server, *demo_head)
    driver.get(amendment_url)
    for radio in driver.find_elements(By.CSS_SELECTOR, "input[type=radio][value=no]"):
        radio.click()
    submit_and_wait(driver, css="button[value=pass]")
    submit_and_wait(driver, css="button[value=approve]")
    driver.get(f"{server}/agencies/1/reports/{year}")
    page = main_text(driver)
    assert "第2版" in page and "补充第六部分的联系电话" in page and "010-69210000" in page, page
    assert "修订（第2版）。修订说明：补充第六部分的联系电话。" in page, "the amendment's footnote ends the report"
    driver.find_element(By.PARTIAL_LINK_TEXT, "第1版").click()
    assert "010-69210000" not in main_text(driver)
    sign_out(driver, server)
    assert not failures, "\n".join(failures)
