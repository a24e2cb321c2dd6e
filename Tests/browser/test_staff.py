"""The back office's door in real headless Chromium: an officer is sent to sign in, mistypes, signs in, sees the
工作台 with the open applications, answers one, drafts its letter, and signs out; an axe audit of each of these
pages (the letter's too) at 1280 and 375 px.
"""
import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import axe_violations, gongkai_command
from test_portal import WIDTHS, apply_as_citizen, assert_fits, fill, submit_and_wait


def sign_in(driver, server, username, password):
    driver.get(server + "/staff/login")
    fill(driver, {"username": username, "password": password})
    submit_and_wait(driver, None)


def apply_for(driver, server, description):
    """An application arrives (through the form, mistakes first), so that the workbench has one to show."""
    apply_as_citizen(driver, server)
    fill(driver, {"applicant-idNumber": "11010519491231002X", "applicant-phone": "13800000000",
                  "request-description": description})
    submit_and_wait(driver)


def test_an_officer_signs_in_sees_the_workbench_and_signs_out(driver, server, demo_staff, demo_head):
    username, password = demo_staff
    apply_for(driver, server, "2020年安全生产执法检查计划")

    driver.get(server + "/staff")
    assert driver.current_url == server + "/staff/login?back=%2Fstaff"
    assert driver.find_element(By.TAG_NAME, "h1").text == "工作人员登录"
    fill(driver, {"username": username, "password": "not-the-password-1"})
    submit_and_wait(driver, None)
    assert "用户名或密码不正确" in driver.find_element(By.CSS_SELECTOR, "[role=alert]").text
    assert driver.find_element(By.ID, "username").get_attribute("value") == username
    assert driver.find_element(By.ID, "password").get_attribute("value") == ""

    fill(driver, {"password": password})
    submit_and_wait(driver, None)
    assert driver.current_url == server + "/staff"
    assert driver.find_element(By.TAG_NAME, "h1").text == "工作台"
    table = driver.find_element(By.CSS_SELECTOR, "table.cases").text
    assert "2020年安全生产执法检查计划" in table
    assert "110105" not in driver.page_source, "no ID number on the workbench"

    # The case: opened from the workbench, answered through its form.
    driver.find_element(By.XPATH, "//tr[td[contains(., '2020年安全生产执法检查计划')]]//a").click()
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("申请 网申")
    assert "11010519491231002X" in driver.page_source, "an officer sees the ID number"
    answer = driver.find_element(By.XPATH, "//details[summary[starts-with(., '答复（')]]")
    answer.find_element(By.TAG_NAME, "summary").click()
    Select(answer.find_element(By.TAG_NAME, "select")).select_by_value("unavailable.1")
    driver.execute_script("window.__gongkaiOldPage = true")
    answer.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.__gongkaiOldPage && document.readyState === 'complete'"))
    assert "已记录：答复" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "已办结" in driver.find_element(By.CSS_SELECTOR, "p.status").text
    assert "无法提供" in driver.find_element(By.CSS_SELECTOR, "ol.timeline").text

    # The answer's letter: drafted from the case, with the article and the agency's remedies; its blank-free
    # draft is saved as edited.
    submit_and_wait(driver, css="table.letters button[aria-label^='拟制政府信息公开申请答复书']")
    assert driver.find_element(By.TAG_NAME, "h1").text == "政府信息公开申请答复书"
    letter = driver.find_element(By.CSS_SELECTOR, "article.letter").text
    assert "第三十六条第（四）项" in letter and "向北京市大兴区人民政府申请行政复议" in letter
    body = driver.find_element(By.ID, "body")
    body.send_keys("\n经检索，本机关未制作该计划。")
    submit_and_wait(driver, css="button[value=save]")
    assert "草稿已保存" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "经检索，本机关未制作该计划。" in driver.find_element(By.CSS_SELECTOR, "article.letter").text
    assert not driver.find_elements(By.CSS_SELECTOR, "button[value=issue]"), "a 承办人 does not issue"
    letter_url = driver.current_url.split("?")[0]
    driver.find_element(By.LINK_TEXT, "返回案卷").click()
    code = driver.find_element(By.XPATH, "//dt[.='查询码']/following-sibling::dd[1]").text

    submit_and_wait(driver, css="nav.staff-bar button")
    assert "您已安全退出" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    driver.get(server + "/staff")
    assert driver.current_url.startswith(server + "/staff/login")

    # The 负责人 issues it: numbered in the agency's series.
    sign_in(driver, server, *demo_head)
    driver.get(letter_url)
    submit_and_wait(driver, css="button[value=issue]")
    assert "文书已签发" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "大应急公开〔" in driver.find_element(By.CSS_SELECTOR, "p.status").text
    submit_and_wait(driver, css="nav.staff-bar button")

    # The applicant: the code shows the status; the phone opens the letter.
    driver.get(server + "/track?code=" + code)
    assert "答复书" not in driver.find_element(By.ID, "letters-h").find_element(By.XPATH, "..").text
    fill(driver, {"phone": "13900000000"})
    submit_and_wait(driver, css="#letters-h ~ form button")
    assert "联系电话与申请时填写的不一致" in driver.find_element(By.ID, "phone-error").text
    fill(driver, {"phone": "138 0000 0000"})
    submit_and_wait(driver, css="#letters-h ~ form button")
    letter = driver.find_element(By.CSS_SELECTOR, "article.letter").text
    assert "政府信息公开申请答复书" in letter and "经检索，本机关未制作该计划。" in letter
    violations = axe_violations(driver)
    assert not violations, "申请查询（文书）：\n" + "\n".join(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_back_office_pages_pass_axe_and_fit_the_screen(driver, server, demo_staff, width):
    username, password = demo_staff
    driver.set_window_size(width, 900)
    failures = []
    driver.get(server + "/staff/login")
    failures += [f"登录：{v}" for v in axe_violations(driver)]
    sign_in(driver, server, username, "not-the-password-2")
    failures += [f"登录（有错误）：{v}" for v in axe_violations(driver)]
    sign_in(driver, server, username, password)
    driver.get(server + "/staff")
    if not driver.find_elements(By.CSS_SELECTOR, "table.cases a"):
        # Run alone, nothing is open yet (the portal's tests leave open applications).
        apply_for(driver, server, f"{width}px 宽屏幕上的申请")
        driver.get(server + "/staff")
    case = driver.find_element(By.CSS_SELECTOR, "table.cases a").get_attribute("href")
    driver.get(case)
    drafts = driver.find_elements(By.CSS_SELECTOR, "table.letters button")
    if drafts:
        submit_and_wait(driver, css="table.letters button")
    else:
        driver.find_element(By.CSS_SELECTOR, "table.letters a").click()
    letter = driver.current_url
    for name, url in [("工作台", server + "/staff"), ("案卷", case), ("文书", letter), ("登记申请", server + "/staff/cases/new"),
                      ("通知", server + "/staff/outbox"), ("台账", server + "/staff/registers"),
                      ("修改密码", server + "/staff/password")]:
        driver.get(url)
        for step in driver.find_elements(By.TAG_NAME, "details"):
            driver.execute_script("arguments[0].open = true", step)
        failures += [f"{name}：{v}" for v in axe_violations(driver)]
        assert_fits(driver, name)
    submit_and_wait(driver, None)  # the password form sent empty: its errors
    failures += [f"修改密码（有错误）：{v}" for v in axe_violations(driver)]
    driver.get(server + "/staff/cases/new")
    submit_and_wait(driver)  # no applicant, no request: the errors beside their fields
    assert driver.find_element(By.ID, "problems")
    failures += [f"登记申请（有错误）：{v}" for v in axe_violations(driver)]
    assert_fits(driver, "登记申请（有错误）")
    submit_and_wait(driver, css="nav.staff-bar button")
    assert not failures, f"宽 {width}px：\n" + "\n".join(failures)


def test_staff_confirm_an_online_submission(driver, server, demo_staff):
    """Where staff confirm online receipts (Art. 31), the applicant's receipt says the date waits; the submission
    is in 待确认 (axe at both widths) and becomes a case when confirmed."""
    gongkai_command("agency", "online-confirmation", "--agency", "1", "--by", "byStaff")
    try:
        apply_for(driver, server, "待确认：2020年应急预案修订情况")
        assert "本机关确认收到后编号" in driver.find_element(By.ID, "receipt-h").find_element(By.XPATH, "..").text
        sign_in(driver, server, *demo_staff)
        failures = []
        for width in WIDTHS:
            driver.set_window_size(width, 900)
            driver.get(server + "/staff?queue=awaitingConfirmation")
            failures += [f"待确认（{width}px）：{v}" for v in axe_violations(driver)]
            assert_fits(driver, "待确认")
        assert not failures, "\n".join(failures)
        row = driver.find_element(By.XPATH, "//tr[td[contains(., '待确认：2020年应急预案修订情况')]]")
        driver.execute_script("window.__gongkaiOldPage = true")
        row.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return !window.__gongkaiOldPage && document.readyState === 'complete'"))
        assert "已确认收到" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
        assert driver.find_element(By.TAG_NAME, "h1").text.startswith("申请 网申")
        submit_and_wait(driver, css="nav.staff-bar button")
    finally:
        gongkai_command("agency", "online-confirmation", "--agency", "1", "--by", "automatic")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_administrators_page_passes_axe(driver, server, width):
    """An administrator added with `gongkai user add --password-stdin` keeps the settings and users; the page
    and its errors pass axe and fit the screen."""
    username = f"admin-{width}"
    gongkai_command("user", "add", "--agency", "1", "--username", username, "--name", "系统管理员", "--role", "admin",
                    "--password-stdin", stdin="admin-pass-2024\n")
    driver.set_window_size(width, 900)
    sign_in(driver, server, username, "admin-pass-2024")
    driver.get(server + "/staff/admin")
    assert driver.find_element(By.TAG_NAME, "h1").text == "机关设置与用户"
    for template in driver.find_elements(By.TAG_NAME, "details"):
        driver.execute_script("arguments[0].open = true", template)
    failures = [f"机关设置与用户：{v}" for v in axe_violations(driver)]
    assert_fits(driver, "机关设置与用户")
    fill(driver, {"username": f"new-{width}", "displayName": "新同事", "password": "short"})
    submit_and_wait(driver, css="form[action='/staff/admin/users'] button")
    assert "至少 10 个字符" in driver.find_element(By.ID, "password-error").text
    failures += [f"机关设置与用户（有错误）：{v}" for v in axe_violations(driver)]
    submit_and_wait(driver, css="nav.staff-bar button")
    # The district's 监督人 and the page of every agency's counts.
    supervisor = f"district-{width}"
    gongkai_command("user", "add", "--agency", "1", "--username", supervisor, "--name", "区政务公开办", "--role", "supervisor",
                    "--password-stdin", stdin="district-pass-2024\n")
    sign_in(driver, server, supervisor, "district-pass-2024")
    driver.find_element(By.LINK_TEXT, "各机关办理情况").click()
    assert "北京市大兴区应急管理局" in driver.find_element(By.CSS_SELECTOR, "table.cases").text
    failures += [f"各机关办理情况：{v}" for v in axe_violations(driver)]
    assert_fits(driver, "各机关办理情况")
    submit_and_wait(driver, css="nav.staff-bar button")
    assert not failures, f"宽 {width}px：\n" + "\n".join(failures)
