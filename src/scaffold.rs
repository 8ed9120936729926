//! `bangvang new`: ready-to-fill files for editors, with every key, a short
//! Vietnamese comment on each and an example value. New files start as drafts, so
//! a half-filled file never reaches the public site.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};

use crate::decode::{front_matter, yaml};
use crate::load::source;
use crate::model::config::SiteConfig;
use crate::text::slug::slugify;

/// Writes `content/phong-trao/<slug>/index.md`; returns its path.
pub fn campaign(root: &Path, slug: &str, today: NaiveDate) -> Result<PathBuf, String> {
    check_slug(slug, "the campaign's folder name")?;
    let path = root.join("content/phong-trao").join(slug).join("index.md");
    let year = today.year();
    let end = today + Duration::days(182);
    let month = format!("{year:04}-{:02}", today.month());
    let text = format!(
        r#"---
# yaml-language-server: $schema=../../../schemas/campaign.schema.json
# Kế hoạch phát động phong trào thi đua. Điền các dòng dưới đây, rồi xoá dòng
# "draft: true" để đăng lên trang. Các khoá (bên trái dấu hai chấm) giữ nguyên.
draft: true
# Tên đầy đủ của kế hoạch, hiện trong các danh sách.
title: "Kế hoạch phát động phong trào thi đua năm {year}"
# Trích yếu: dòng in dưới chữ KẾ HOẠCH.
subject: "phát động phong trào thi đua năm {year}"
# Số, ký hiệu. Khi văn bản chưa có số, để "/KH-SNV".
number: "/KH-SNV"
# Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi chưa điền ngày.
issued: {month}
# Địa danh ghi trước ngày tháng, ví dụ Hà Tĩnh.
place: "…"
# Chức vụ và họ tên người ký. Khi cấp phó ký thay (hoặc thay mặt, thừa lệnh),
# thêm dòng thẩm quyền: {{ authority: KT. Giám đốc, title: Phó Giám đốc, name: "…" }}.
signer: {{ title: Giám đốc, name: "…" }}
# Một, hai câu tóm tắt kế hoạch.
summary: "…"
# Chủ đề thi đua (không cần dấu ngoặc kép của văn bản).
motto: "…"
# Các văn bản làm căn cứ, mỗi dòng một văn bản.
basis:
  - "Luật Thi đua, khen thưởng số 06/2022/QH15"
# Các đợt thi đua: mã (chữ thường không dấu), tên, ngày bắt đầu, ngày kết
# thúc, hạn tổng kết. Đợt sau bắt đầu sau khi đợt trước kết thúc.
phases:
  - id: dot-1
    name: Đợt thi đua thứ nhất
    start: {today}
    end: {end}
    # Hạn hoàn thành tổng kết đợt (không trước ngày kết thúc).
    review_by: {end}
    # Mục tiêu của đợt, như văn bản ghi.
    goal: "…"
    # Ngày kỷ niệm: ngày kỷ niệm, ngày của sự kiện gốc (trang tự tính số năm),
    # và tên ngày kỷ niệm. Ví dụ:
    # milestones:
    #   - date: {year}-09-02
    #     since: 1945-09-02
    #     title: Ngày Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam
# Mục tiêu thi đua: of = collectives (tập thể) hoặc individuals (cá nhân);
# award = danh hiệu hoặc hình thức khen thưởng; percent = tỷ lệ, hoặc
# count = số lượng (count: 3, hay count: {{ min: 2, max: 3 }}).
targets:
  - of: individuals
    text: "…"
    award: Chiến sĩ thi đua cơ sở
    percent: 15
# Nơi nhận, mỗi dòng một nơi.
recipients:
  - "Lưu: VT"
---
Toàn văn kế hoạch, từ "Thực hiện…" đến hết, viết bằng Markdown:

## I. MỤC ĐÍCH, YÊU CẦU

- …
"#
    );
    write_new(&path, &text)?;
    Ok(path)
}

/// Writes `content/phong-trao/<campaign>/<name>.yaml`; returns its path.
pub fn results(
    root: &Path,
    config: &SiteConfig,
    campaign: &str,
    name: &str,
    today: NaiveDate,
) -> Result<PathBuf, String> {
    check_slug(name, "the list's file name")?;
    let dir = root.join("content/phong-trao").join(campaign);
    let index = dir.join("index.md");
    if !index.is_file() {
        return Err(format!(
            "there is no campaign {} (no {})",
            campaign,
            index.display()
        ));
    }
    let phase = first_phase(&index).unwrap_or_else(|| "dot-1".to_owned());
    let unit = config
        .units
        .first()
        .map_or_else(|| "van-phong".to_owned(), |u| u.id.clone());
    let until = today + Duration::days(14);
    let text = format!(
        r#"# yaml-language-server: $schema=../../../schemas/results.schema.json
# Danh sách khen thưởng. Điền các dòng dưới đây, rồi xoá dòng "draft: true"
# để đăng lên trang. Không ghi ngày sinh, số CMND/CCCD hay số điện thoại.
draft: true
# Tên danh sách.
title: "Danh sách khen thưởng …"
# Mã đợt thi đua của kế hoạch; xoá dòng này nếu là tổng kết cả phong trào.
phase: {phase}
# proposed: dự kiến, đăng để lấy ý kiến; decided: đã có quyết định khen thưởng.
status: proposed
# Ngày công bố; trước ngày này danh sách chưa được đăng.
published: {today}
# Danh sách dự kiến: hạn cuối lấy ý kiến.
comment_until: {until}
# Khi đã có quyết định: đổi status thành decided và điền quyết định.
# decision:
#   number: "…/QĐ-SNV"
#   date: {until}
#   signer: Giám đốc Sở Nội vụ
#   file: quyet-dinh.pdf     # bản quét, đặt cùng thư mục
# Số tập thể, cá nhân thuộc diện xét, để tính tỷ lệ đạt mục tiêu.
eligible: {{ collectives: 0, individuals: 0 }}
# Mỗi danh hiệu, hình thức khen thưởng và những người nhận.
awards:
  - award: Lao động tiên tiến
    honorees:
      # Cá nhân: họ và tên, chức vụ, mã đơn vị trong site.yaml.
      - name: "…"
        position: Chuyên viên
        unit: {unit}
  - award: Tập thể lao động tiên tiến
    honorees:
      # Tập thể: mã đơn vị trong site.yaml.
      - unit: {unit}
"#
    );
    let path = dir.join(format!("{name}.yaml"));
    write_new(&path, &text)?;
    Ok(path)
}

fn check_slug(text: &str, what: &str) -> Result<(), String> {
    if text.is_empty() || slugify(text) != text {
        return Err(format!(
            "{what} `{text}` must be lowercase letters, digits and `-`; try `{}`",
            slugify(text)
        ));
    }
    Ok(())
}

/// Refuses to overwrite: an editor's work is never lost to a scaffold.
fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if path.exists() {
        return Err(format!(
            "{} already exists; nothing was written",
            path.display()
        ));
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The id of the campaign's first phase, read from its front matter.
fn first_phase(index: &Path) -> Option<String> {
    let text = source::read_text(index, index).ok()?;
    let split = front_matter::split(&text.text, index).ok()?;
    let node = yaml::parse(split.yaml, split.yaml_line, index).ok()?;
    let yaml::NodeKind::Map(entries) = &node.kind else {
        return None;
    };
    let phases = entries.iter().find(
        |(k, _)| matches!(&k.kind, yaml::NodeKind::Scalar { value, .. } if value == "phases"),
    )?;
    let yaml::NodeKind::Seq(items) = &phases.1.kind else {
        return None;
    };
    let yaml::NodeKind::Map(first) = &items.first()?.kind else {
        return None;
    };
    first.iter().find_map(|(k, v)| match (&k.kind, &v.kind) {
        (yaml::NodeKind::Scalar { value: key, .. }, yaml::NodeKind::Scalar { value, .. })
            if key == "id" =>
        {
            Some(value.clone())
        }
        _ => None,
    })
}
