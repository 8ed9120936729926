//! The example site broken in five ordinary ways gives five messages in one run.

mod common;

use common::TestSite;

#[test]
fn five_ordinary_mistakes_give_five_messages_in_one_run() {
    let site = TestSite::example();
    site.build("2022-05-10").assert_ok();
    let before = site.output_files();

    let campaign = "content/phong-trao/2022/index.md";
    let text = site.read(campaign);
    let text = text.replacen("title: Kế hoạch phát động", "titel: Kế hoạch phát động", 1);
    let text = text.replacen("    end: 2022-06-30\n", "    end: 30/6/2022\n", 1);
    site.write(campaign, text);
    let list = "content/phong-trao/2022/dot-1-mau.yaml";
    let text = site.read(list);
    let text = text.replacen(
        "        unit: van-phong\n        achievement: Dữ liệu mẫu",
        "        unit: van-phog\n        achievement: Dữ liệu mẫu",
        1,
    );
    let text = text.replacen(
        "      - name: Lê Văn C\n",
        "      - name: Lê Văn C\n        position: Chuyên viên\n        unit: van-phong\n      - name: Lê Văn C\n",
        1,
    );
    site.write(list, text);
    let page = "content/gioi-thieu.md";
    site.write(
        page,
        site.read(page) + "\nXem thêm [kế hoạch năm 2021](/phong-trao/2021/).\n",
    );

    let run = site.build("2022-05-10");
    run.assert_content_error();
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .collect();
    assert_eq!(errors.len(), 5, "{}", run.stderr);
    for expected in [
        "error: content/gioi-thieu.md:24:10: the link `/phong-trao/2021/` leads nowhere",
        "error: content/phong-trao/2022/dot-1-mau.yaml:27:15: unknown unit `van-phog`",
        "error: content/phong-trao/2022/dot-1-mau.yaml:43:9: Lê Văn C is listed twice under the same award",
        "error: content/phong-trao/2022/index.md:2:1: unknown key `titel`",
        "error: content/phong-trao/2022/index.md:21:10: `30/6/2022` is not a date written YYYY-MM-DD",
    ] {
        assert!(
            errors.iter().any(|e| e.starts_with(expected)),
            "missing {expected}:\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("5 errors, 0 warnings; nothing was published")
    );
    assert_eq!(site.output_files(), before, "the published site changed");
}

#[test]
fn check_writes_nothing_and_reports_like_build() {
    let site = TestSite::example();
    let run = site.run(&["check", "--today", "2022-05-10"]);
    run.assert_ok();
    assert!(!site.exists("public"), "check wrote an output folder");
    site.write("content/x.md", "---\ntitle: X\n---\n[a](/khong-co/)\n");
    let run = site.run(&["check", "--today", "2022-05-10"]);
    run.assert_content_error();
    assert!(
        run.stderr
            .contains("error: content/x.md:4:1: the link `/khong-co/` leads nowhere"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public"));
}
