"""Answer once, publish for all (第四十四条), in real headless Chromium: two applicants ask (through the public API)
for the same information, and the officer answers both 予以公开 (through the staff API, as an OA system would); the
主动公开 page then proposes it, 起草 opens the draft form filled in from the two, and 不纳入 with a reason records the
decision so that it is proposed no more. An axe audit of the page with the proposal and of the filled form, at 1280
and 375 px.
"""
import json
import urllib.request

from selenium.webdriver.common.by import By

from test_case_journey import china_today
from test_portal import fill, submit_and_wait
from test_publication_journey import audit
from test_staff import sign_in

WANTED = "2026年大兴区危险化学品经营企业名录"


def api(server, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(server + path, data=data, method=method, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
    return json.loads(text) if text else None


def answered_twice(server, username, password):
    """Two applicants' applications for WANTED, each answered 予以公开 today; their references."""
    token = api(server, "POST", "/api/v1/session", {"username": username, "password": password})["token"]
    references = []
    for name in ("王五", "赵六"):
        created = api(server, "POST", "/api/v1/agencies/1/applications", {
            "applicant": {"kind": "naturalPerson", "name": name, "idNumber": "11010519491231002X", "phone": "13800000000",
                          "email": "applicant@example.cn", "address": "北京市大兴区某路1号", "postcode": "102600"},
            "request": {"description": WANTED},
            "delivery": {"medium": "electronic"},
        })
        code = created["trackingCode"]
        case = api(server, "GET", f"/api/v1/applications/{code}/events", token=token)
        case = api(server, "POST", f"/api/v1/applications/{code}/events", {
            "name": "answered", "date": china_today().isoformat(), "fields": {"outcome": "granted"}, "version": case["version"],
        }, token=token)
        references.append(case["reference"])
    return references


def test_repeated_requests_are_proposed_drafted_and_declined(driver, server, demo_staff):
    driver.set_window_size(1280, 900)
    failures = []
    references = answered_twice(server, *demo_staff)
    sign_in(driver, server, *demo_staff)

    driver.get(server + "/staff/publications")
    section = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=proposals-h]")
    assert "2个申请人申请的相同信息" in section.text and all(r in section.text for r in references), section.text
    audit(driver, "建议纳入主动公开", failures)

    # 起草: the form filled in from the two applications (not saved here).
    section.find_element(By.LINK_TEXT, "起草拟公开信息").click()
    assert driver.find_element(By.ID, "title").get_attribute("value") == WANTED
    assert "第四十四条" in driver.find_element(By.ID, "body").get_attribute("value")
    audit(driver, "起草拟公开信息（第四十四条）", failures)

    # 不纳入, with the reason: recorded, and not proposed again.
    driver.get(server + "/staff/publications")
    driver.find_element(By.XPATH, "//summary[contains(., '不纳入主动公开')]").click()
    fill(driver, {f"reason-{','.join(references)}": "名录按年度在许可公示中公开，不另行发布"})
    submit_and_wait(driver, css="form[action='/staff/publications/proposals/decline'] button")
    assert "已记录不纳入主动公开的理由" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert not driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=proposals-h]")
    assert not failures, "\n".join(failures)
