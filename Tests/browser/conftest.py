"""Shared fixtures of the browser tests: headless Chromium, and a `gongkai serve --demo` on a free port."""
import os
import pathlib
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
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


def gongkai_binary():
    binary = pathlib.Path(os.environ.get("GONGKAI_BIN", ROOT / ".build" / "debug" / "gongkai"))
    if not os.access(binary, os.X_OK):
        pytest.fail(f"找不到 gongkai 可执行文件 {binary}：先运行 swift build，或设置 GONGKAI_BIN")
    return binary


@pytest.fixture(scope="session")
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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server():
    """`gongkai serve --demo` on a fresh SQLite file; yields its base URL; stopped with Ctrl-C (SIGINT)."""
    binary = gongkai_binary()
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        database = pathlib.Path(tmp) / "portal.sqlite"
        log = open(pathlib.Path(tmp) / "serve.log", "w")
        process = subprocess.Popen(
            [str(binary), "serve", "--demo", "--port", str(port), "--database", f"sqlite://{database}"],
            stdout=log, stderr=subprocess.STDOUT,
            # The tests apply and sign in more often than one person would in ten minutes.
            env={**os.environ, "GONGKAI_RATE_APPLICATIONS": "200/600", "GONGKAI_RATE_SIGNINS": "200/600"},
        )
        base = f"http://127.0.0.1:{port}"
        SERVER_LOG["path"] = pathlib.Path(tmp) / "serve.log"
        SERVER_LOG["database"] = database
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.time() > deadline:
                    log.close()
                    pytest.fail("gongkai serve 没有启动：\n" + (pathlib.Path(tmp) / "serve.log").read_text())
                time.sleep(0.2)
        yield base
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0, "gongkai serve 没有在 Ctrl-C 后正常退出"
        log.close()


SERVER_LOG = {}


def gongkai_command(*arguments, stdin=None):
    """Runs `gongkai ARGUMENTS --database` on the running server's database; returns its standard output."""
    done = subprocess.run(
        [str(gongkai_binary()), *arguments, "--database", f"sqlite://{SERVER_LOG['database']}"],
        capture_output=True, text=True, timeout=60, input=stdin)
    assert done.returncode == 0, f"gongkai {' '.join(arguments)}：{done.stderr}"
    return done.stdout


@pytest.fixture(scope="session")
def demo_staff(server):
    """The demo officer's username and password, as `serve --demo` printed them."""
    import re

    text = SERVER_LOG["path"].read_text()
    found = re.search(r"用户名 (\S+)  密码 (\S+)", text)
    assert found, "gongkai serve --demo 没有打印演示工作人员的登录信息：\n" + text
    return found.group(1), found.group(2)


@pytest.fixture(scope="session")
def demo_head(server, demo_staff):
    """The demo 负责人's username (who issues letters); the password is the officer's."""
    import re

    found = re.search(r"演示负责人（签发文书）：用户名 (\S+)", SERVER_LOG["path"].read_text())
    assert found, "gongkai serve --demo 没有打印演示负责人的登录信息"
    return found.group(1), demo_staff[1]


def axe_violations(driver):
    """The axe-core violations of the page the driver shows, as readable lines (empty: none)."""
    from axe_selenium_python import Axe

    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    assert results["passes"], "axe 没有运行任何检查"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} 处，例如 {v['nodes'][0]['html'][:160]}"
        for v in results["violations"]
    ]
