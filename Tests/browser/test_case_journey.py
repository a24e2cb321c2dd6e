"""One application from the portal to its answer, as issue 13 describes it, in real headless Chromium: an officer
confirms the online submission, asks for 补正 with its letter (issued by the 负责人), the applicant sees the step
and the letter on the tracking page, the officer records the corrected application and answers 予以公开 with a
letter, and the applicant downloads the answer as a PDF.
"""
import datetime

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import axe_violations, gongkai_command
from test_portal import fill, submit_and_wait
from test_staff import apply_for, sign_in


def china_today():
    return datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=8))).date()


def open_step(driver, title_start):
    step = driver.find_element(By.XPATH, f"//details[summary[starts-with(., '{title_start}')]]")
    step.find_element(By.TAG_NAME, "summary").click()
    return step


def submit_step(driver, step):
    driver.execute_script("window.__gongkaiOldPage = true")
    step.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return !window.__gongkaiOldPage && document.readyState === 'complete'"))


def draft_and_fill(driver, kind):
    """Drafts the case page's letter `kind`, fills every 【…】 blank, saves; returns the letter's address."""
    submit_and_wait(driver, css=f"table.letters button[aria-label^='拟制{kind}']")
    driver.execute_script(
        "const b = document.getElementById('body');"
        "b.value = b.value.replace(/【[^】]*】/g, '所申请文件的名称、文号或者索引号');")
    submit_and_wait(driver, css="button[value=save]")
    assert "草稿已保存" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "【" not in driver.find_element(By.CSS_SELECTOR, "article.letter").text
    return driver.current_url.split("?")[0]


def issue_as_head(driver, server, demo_head, letter_url):
    sign_in(driver, server, *demo_head)
    driver.get(letter_url)
    submit_and_wait(driver, css="button[value=issue]")
    assert "文书已签发" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    submit_and_wait(driver, css="nav.staff-bar button")


def open_letters(driver, server, code):
    driver.get(server + "/track?code=" + code)
    fill(driver, {"phone": "13800000000"})
    submit_and_wait(driver, css="#letters-h ~ form button")
    return [a.get_attribute("aria-label") for a in driver.find_elements(By.CSS_SELECTOR, "article.letter")]


def test_an_application_from_the_portal_to_its_answer(driver, server, demo_staff, demo_head):
    gongkai_command("agency", "online-confirmation", "--agency", "1", "--by", "byStaff")
    try:
        driver.set_window_size(1280, 900)
        description = "2020年危险化学品经营许可证发放情况"
        apply_for(driver, server, description)
        code = driver.find_element(By.ID, "tracking-code").text

        # The officer confirms receipt from 待确认.
        sign_in(driver, server, *demo_staff)
        driver.get(server + "/staff?queue=awaitingConfirmation")
        row = driver.find_element(By.XPATH, f"//tr[td[contains(., '{description}')]]")
        driver.execute_script("window.__gongkaiOldPage = true")
        row.find_element(By.TAG_NAME, "button").click()
        WebDriverWait(driver, 20, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return !window.__gongkaiOldPage && document.readyState === 'complete'"))
        assert "已确认收到" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
        case_url = driver.current_url.split("?")[0]

        # 补正: the step, then its letter.
        step = open_step(driver, "告知补正")
        fill(driver, {"correction-requested-deadline": (china_today() + datetime.timedelta(days=15)).isoformat()})
        submit_step(driver, step)
        assert "已记录：告知补正" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
        correction_letter = draft_and_fill(driver, "政府信息公开申请补正告知书")
        submit_and_wait(driver, css="nav.staff-bar button")
        issue_as_head(driver, server, demo_head, correction_letter)

        # The applicant sees the step and, with the phone, the letter.
        driver.get(server + "/track?code=" + code)
        assert "告知补正（第三十条）" in driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
        assert open_letters(driver, server, code) == ["北京市大兴区应急管理局政府信息公开申请补正告知书"]

        # The corrected application arrives; the answer 予以公开 and its letter.
        sign_in(driver, server, *demo_staff)
        driver.get(case_url)
        submit_step(driver, open_step(driver, "收到补正后的申请"))
        answer = open_step(driver, "答复（")
        answer.find_element(By.CSS_SELECTOR, "select option[value='granted']").click()
        submit_step(driver, answer)
        assert "已办结" in driver.find_element(By.CSS_SELECTOR, "p.status").text
        answer_letter = draft_and_fill(driver, "政府信息公开申请答复书")
        violations = axe_violations(driver)
        assert not violations, "文书草稿：\n" + "\n".join(violations)
        submit_and_wait(driver, css="nav.staff-bar button")
        issue_as_head(driver, server, demo_head, answer_letter)

        # The applicant reads both letters and downloads the answer as a PDF.
        titles = open_letters(driver, server, code)
        assert titles == ["北京市大兴区应急管理局政府信息公开申请补正告知书", "北京市大兴区应急管理局政府信息公开申请答复书"]
        driver.set_script_timeout(120)  # the PDF comes from LibreOffice
        pdf = driver.execute_async_script("""
            const done = arguments[arguments.length - 1];
            const form = document.querySelectorAll('form.downloads')[1];
            const data = new URLSearchParams(new FormData(form));
            data.set('format', 'pdf');
            fetch(form.action, {method: 'POST', body: data})
              .then(r => r.arrayBuffer().then(b => done([r.status, r.headers.get('content-type'),
                    String.fromCharCode(...new Uint8Array(b.slice(0, 4)))])))
              .catch(e => done(['error', String(e), '']));
        """)
        assert pdf == [200, "application/pdf", "%PDF"], pdf
    finally:
        gongkai_command("agency", "online-confirmation", "--agency", "1", "--by", "automatic")
