"""A 规范性文件's repeal recorded in the back office, in real headless Chromium: the officer imports the document
through the 台账 page, opens it under 规章和规范性文件, is told what is wrong with a repeal before the day it was made
and without its basis, then repeals it with the repealing decision's 文号; the history shows the values before and
after, and the 台账's change log has it. An axe audit of the list and of the document with its errors, at 1280 and
375 px.
"""
import pathlib
import tempfile

from selenium.webdriver.common.by import By

from test_portal import fill, submit_and_wait
from test_publication_journey import audit
from test_staff import sign_in

TITLE = "关于加强危险化学品经营许可管理的规定"
HEADER = "kind,title,document_number,made_on,published_on,abolished_on,expires_on\n"


def test_a_normative_document_is_repealed_with_its_basis(driver, server, demo_staff):
    driver.set_window_size(1280, 900)
    failures = []
    sign_in(driver, server, *demo_staff)

    # Imported through the 台账 page.
    driver.get(server + "/staff/registers")
    with tempfile.TemporaryDirectory() as tmp:
        csv = pathlib.Path(tmp) / "规范性文件.csv"
        csv.write_text(HEADER + f"normative,{TITLE},大应急发〔2022〕7号,2022-05-10,2022-05-12,,\n", encoding="utf-8")
        driver.find_element(By.XPATH, "//summary[contains(., '导入规章和规范性文件台账')]").click()
        driver.find_element(By.ID, "file-normative-documents").send_keys(str(csv))
        submit_and_wait(driver, css="form[action='/staff/registers/normative-documents'] button")
    assert "新增 1 行" in driver.find_element(By.TAG_NAME, "main").text

    # Listed as 现行有效; opened.
    driver.find_element(By.LINK_TEXT, "规章和规范性文件").click()
    assert driver.current_url == server + "/staff/normative-documents"
    row = driver.find_element(By.XPATH, f"//tr[th/a[text()='{TITLE}']]").text
    assert "现行有效" in row, row
    audit(driver, "规章和规范性文件", failures)
    driver.find_element(By.LINK_TEXT, TITLE).click()

    # A repeal before the day it was made and without its basis: both named.
    fill(driver, {"abolishedOn": "2021-01-01"})
    submit_and_wait(driver, css="main form button[type=submit]")
    problems = driver.find_element(By.ID, "problems").text
    assert "不能早于制发日期 2022-05-10" in problems and "依据或理由" in problems, problems
    audit(driver, "规范性文件（有错误）", failures)

    # Then right.
    fill(driver, {"abolishedOn": "2024-06-30", "note": "依据大应急发〔2024〕11号废止"})
    submit_and_wait(driver, css="main form button[type=submit]")
    assert "已保存" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    facts = driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert "已废止（2024-06-30）" in facts, facts
    history = driver.find_element(By.CSS_SELECTOR, "table.cases").text
    assert "废止" in history and "废止日期 无" in history and "废止日期 2024-06-30" in history, history
    driver.get(server + "/staff/registers")
    assert "依据大应急发〔2024〕11号废止" in driver.find_element(By.TAG_NAME, "main").text
    assert not failures, "\n".join(failures)
