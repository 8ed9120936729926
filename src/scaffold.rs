//! `bangvang new`: ready-to-fill files for editors, with every key, a short
//! Vietnamese comment on each and an example value. New files start as drafts, so
//! a half-filled file never reaches the public site.

use std::path::{Path, PathBuf};

use chrono::{Datelike, Duration, NaiveDate};

use crate::decode::{front_matter, yaml};
use crate::load::source;
use crate::model::config::SiteConfig;
use crate::text::slug::slugify;

/// Writes `content/phong-trao/<slug>/index.md`; returns its path. The document
/// symbol, the signer's title and the place come from site.yaml.
pub fn campaign(
    root: &Path,
    config: &SiteConfig,
    slug: &str,
    today: NaiveDate,
) -> Result<PathBuf, String> {
    check_slug(slug, "the campaign's folder name")?;
    let path = root.join("content/phong-trao").join(slug).join("index.md");
    let year = today.year();
    let end = today + Duration::days(182);
    let month = format!("{year:04}-{:02}", today.month());
    let symbol = config.document_symbol();
    let head = config.head_title();
    let place = config.document_place().unwrap_or_else(|| "…".to_owned());
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
# Số, ký hiệu. Khi văn bản chưa có số, để "/KH-{symbol}".
number: "/KH-{symbol}"
# Ngày ban hành: YYYY-MM-DD, hoặc YYYY-MM khi chưa điền ngày.
issued: {month}
# Địa danh ghi trước ngày tháng.
place: "{place}"
# Chức vụ và họ tên người ký. Khi cấp phó ký thay (hoặc thay mặt, thừa lệnh),
# thêm dòng thẩm quyền: {{ authority: KT. {head}, title: Phó {head}, name: "…" }}.
signer: {{ title: {head}, name: "…" }}
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
    let symbol = config.document_symbol();
    let signer = format!(
        "{} {}",
        config.head_title(),
        crate::model::config::own_name(&config.organization.name)
    );
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
#   number: "…/QĐ-{symbol}"
#   date: {until}
#   signer: {signer}
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
    phase_ids(index).into_iter().next()
}

/// The ids of a campaign's phases, read from its front matter (none when it
/// cannot be read: the build reports why).
pub fn phase_ids(index: &Path) -> Vec<String> {
    phases_of(index).unwrap_or_default()
}

fn phases_of(index: &Path) -> Option<Vec<String>> {
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
    Some(
        items
            .iter()
            .filter_map(|item| {
                let yaml::NodeKind::Map(phase) = &item.kind else {
                    return None;
                };
                phase.iter().find_map(|(k, v)| match (&k.kind, &v.kind) {
                    (
                        yaml::NodeKind::Scalar { value: key, .. },
                        yaml::NodeKind::Scalar { value, .. },
                    ) if key == "id" => Some(value.clone()),
                    _ => None,
                })
            })
            .collect(),
    )
}

/// What `bangvang init` wrote.
pub struct Initialized {
    pub files: Vec<PathBuf>,
}

/// Starts a site for the body named `name` in `dir`: site.yaml with the
/// organization filled in and every key explained in Vietnamese, the home page
/// and the sections, a `.gitignore`, the JSON Schemas and the files of
/// `deploy/`. The theme is the built-in one: no `themes/` folder. Writes
/// nothing when any of these files exists.
pub fn init(dir: &Path, name: &str) -> Result<Initialized, String> {
    let name = crate::load::source::nfc_str(name.trim());
    if name.is_empty() {
        return Err("give the body's name: --name \"Sở Giáo dục và Đào tạo tỉnh Nghệ An\"".into());
    }
    let short = crate::model::config::own_name(&name).to_owned();
    let setting = crate::model::issuer::Setting::from_organization(&name, None, None);
    let parent = setting.province.as_ref().map(|p| {
        if setting.province_is_city {
            format!("UBND thành phố {p}")
        } else {
            format!("UBND tỉnh {p}")
        }
    });
    let mut files: Vec<(PathBuf, Vec<u8>)> = vec![
        (
            dir.join(crate::model::config::CONFIG_FILE),
            site_yaml(&name, &short, parent.as_deref()).into_bytes(),
        ),
        (dir.join("content/_index.md"), home_page(&name).into_bytes()),
        (
            dir.join("content/phong-trao/_index.md"),
            format!(
                "---\ntitle: Phong trào thi đua\nsummary: Các kế hoạch phát động phong trào thi đua của {name}, mới nhất trước.\n---\n"
            )
            .into_bytes(),
        ),
        (
            dir.join("content/tin-tuc/_index.md"),
            format!(
                "---\ntitle: Tin tức\nsummary: Tin tức về công tác thi đua, khen thưởng của {name}.\n---\n"
            )
            .into_bytes(),
        ),
        (
            dir.join("content/gioi-thieu.md"),
            format!(
                "---\ntitle: Giới thiệu\n---\n\nTrang thông tin thi đua, khen thưởng của {name}: các phong trào thi đua, kế hoạch, danh sách đề nghị và quyết định khen thưởng, công khai để cán bộ, công chức, viên chức và người dân cùng theo dõi.\n"
            )
            .into_bytes(),
        ),
        (
            dir.join(".gitignore"),
            b"# The built site and bangvang's own working folders.\n/public\n/.bangvang-*\n/public.bangvang-*\n".to_vec(),
        ),
        (dir.join("deploy/publish.yml"), publish_workflow().into_bytes()),
        (
            dir.join("deploy/nginx.conf"),
            include_bytes!("../deploy/nginx.conf").to_vec(),
        ),
        (
            dir.join("deploy/publish.sh"),
            include_bytes!("../deploy/publish.sh").to_vec(),
        ),
    ];
    for (schema, value) in crate::schema::all() {
        let mut text = serde_json::to_string_pretty(&value).expect("schemas serialize");
        text.push('\n');
        files.push((dir.join("schemas").join(schema), text.into_bytes()));
    }
    if let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(format!(
            "{} already exists; nothing was written (init starts a new site in an empty folder)",
            existing.display()
        ));
    }
    for (path, bytes) in &files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let script = dir.join("deploy/publish.sh");
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
            .map_err(|e| format!("cannot make {} executable: {e}", script.display()))?;
    }
    Ok(Initialized {
        files: files.into_iter().map(|(path, _)| path).collect(),
    })
}

/// site.yaml for a new site: every key, each explained in Vietnamese; those
/// the department must fill in are left commented out.
fn site_yaml(name: &str, short: &str, parent: Option<&str>) -> String {
    let parent = parent.map_or_else(
        || {
            "  # parent: UBND tỉnh …          # cơ quan cấp trên, in trên tiêu đề văn bản\n"
                .to_owned()
        },
        |p| format!("  parent: {p}          # cơ quan cấp trên, in trên tiêu đề văn bản\n"),
    );
    format!(
        r#"# yaml-language-server: $schema=schemas/site.schema.json
# Cấu hình trang thông tin thi đua, khen thưởng — {name}.
# Mỗi khoá (bên trái dấu hai chấm) giữ nguyên chữ tiếng Anh; chỉ sửa phần giá trị
# bên phải. Dòng bắt đầu bằng # là chú thích: bỏ dấu # để dùng khoá đó.

# Tên trang, hiện trên thanh tiêu đề của trình duyệt và đầu mỗi trang.
title: "Thi đua, khen thưởng — {name}"
# Địa chỉ công bố trang, kết thúc bằng "/". Điền khi đã có địa chỉ thật.
# base_url: https://example.gov.vn/thi-dua/
# Ngôn ngữ của trang và múi giờ tính "hôm nay" (ngày đăng, hạn lấy ý kiến).
language: vi
timezone: Asia/Ho_Chi_Minh
# Giao diện: bỏ trống để dùng giao diện có sẵn trong bangvang. Muốn sửa giao
# diện, chạy `bangvang theme export` rồi sửa các tệp trong themes/default.
# theme: default
# true: đường dẫn kết thúc bằng "/" (khi đặt trên máy chủ web); false: "…/index.html"
# (xem được cả khi mở tệp trực tiếp trên máy).
clean_urls: false
# Số mục trên mỗi trang của danh sách tin, chuyên mục.
paginate: 10

# Cơ quan: in ở tiêu đề văn bản, chân trang và dùng để hiểu tên hình thức khen
# thưởng ("Giấy khen của Giám đốc Sở" là của Giám đốc cơ quan này).
organization:
  name: "{name}"
  short_name: "{short}"          # tên in ở tiêu đề văn bản
{parent}  # symbol: …                # chữ viết tắt trong số, ký hiệu văn bản (…/KH-SNV); mặc định: chữ đầu của tên
  # head: Giám đốc            # chức danh người đứng đầu, người ký văn bản
  # address: …
  # phone: …
  # email: …

# Các phòng, ban, đơn vị trực thuộc. Danh sách khen thưởng ghi đơn vị theo `id`
# (chữ thường không dấu, số và dấu "-").
units:
  - id: van-phong
    name: Văn phòng
#  - id: phong-to-chuc-can-bo
#    name: Phòng Tổ chức cán bộ

# Thanh điều hướng đầu trang: tên mục và đường dẫn.
menu:
  - title: Trang chủ
    url: /
  - title: Phong trào thi đua
    url: /phong-trao/
  - title: Tin tức
    url: /tin-tuc/
  - title: Lịch thi đua
    url: /lich/
  - title: Bảng vàng
    url: /khen-thuong/
  - title: Thống kê
    url: /thong-ke/
  - title: Giới thiệu
    url: /gioi-thieu/

# Danh hiệu riêng của cơ quan, ngoài các danh hiệu của Luật Thi đua, khen thưởng.
# awards:
#   - title: Cán bộ, công chức tiêu biểu
#     for: individuals        # individuals: cá nhân; collectives: tập thể
# Chức danh lãnh đạo, quản lý riêng của cơ quan, thêm vào danh sách có sẵn khi
# thống kê tỷ lệ khen thưởng người không giữ chức vụ lãnh đạo, quản lý.
# leading_titles: [Tổ trưởng]
# Thẻ HTML được phép thêm trong nội dung, ngoài bộ thẻ an toàn mặc định.
# html:
#   allow_tags: [video, source]
#   allow_attributes: {{ video: [src, controls, width], source: [src, type] }}
"#
    )
}

fn home_page(name: &str) -> String {
    format!(
        "---\ntitle: Thi đua, khen thưởng\nsummary: Các phong trào thi đua, các đợt thi đua và danh sách khen thưởng của {name}.\n---\n\nĐây là chuyên mục thi đua, khen thưởng của {name}. Chuyên mục đăng tải các kế hoạch phát động phong trào thi đua, các đợt thi đua và danh sách các tập thể, cá nhân được khen thưởng, bảo đảm công khai, dân chủ, minh bạch.\n"
    )
}

/// deploy/publish.yml for a site kept in a repository of its own: bangvang
/// is installed rather than built from the checkout.
fn publish_workflow() -> String {
    let workflow = include_str!("../deploy/publish.yml");
    let build_step = "      - name: Build bangvang\n        run: cargo build --release --locked\n";
    workflow
        .replace(
            build_step,
            "      # BANGVANG_GIT (a repository variable): where bangvang's source is,\n      # e.g. https://git.example.gov.vn/bangvang.git\n      - name: Install bangvang\n        run: cargo install --locked --git \"${{ vars.BANGVANG_GIT }}\" bangvang\n",
        )
        .replace("./target/release/bangvang", "bangvang")
}
