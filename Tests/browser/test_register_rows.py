"""A row of a register corrected in the back office, in real headless Chromium: the officer opens the 政府集中采购台账
row by row, types an amount that is no amount and is told beside the field, then corrects it; the row shows the new
amount and the 台账's change log the value before and after. An axe audit of the rows and of the row with its error,
at 1280 and 375 px.
"""
from selenium.webdriver.common.by import By

from test_portal import fill, submit_and_wait
from test_publication_journey import audit
from test_staff import sign_in


def test_a_register_row_is_corrected_with_its_before_and_after(driver, server, demo_staff):
    driver.set_window_size(1280, 900)
    failures = []
    sign_in(driver, server, *demo_staff)

    driver.get(server + "/staff/registers")
    driver.find_element(By.CSS_SELECTOR, "a[href='/staff/registers/procurement-projects/rows']").click()
    assert driver.find_element(By.TAG_NAME, "h1").text == "政府集中采购台账"
    audit(driver, "政府集中采购台账（逐行）", failures)
    driver.find_element(By.CSS_SELECTOR, "table.cases tbody th a").click()
    before = driver.find_element(By.ID, "amount_yuan").get_attribute("value")

    # Not an amount: named beside the field, what was typed kept.
    fill(driver, {"amount_yuan": "一百元"})
    submit_and_wait(driver, css="main form button[type=submit]")
    assert "金额（元）" in driver.find_element(By.ID, "problems").text
    assert driver.find_element(By.ID, "amount_yuan").get_attribute("value") == "一百元"
    audit(driver, "台账行（有错误）", failures)

    # Then right.
    fill(driver, {"amount_yuan": "2468.1"})
    submit_and_wait(driver, css="main form button[type=submit]")
    assert "已修改" in driver.find_element(By.CSS_SELECTOR, "[role=status]").text
    assert "2468.1" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text
    driver.get(server + "/staff/registers")
    log = driver.find_element(By.TAG_NAME, "main").text
    assert f"金额（元） {before} → 2468.1" in log, log
    assert not failures, "\n".join(failures)
