//! JSON Schemas of campaign and page front matter, results files and site.yaml,
//! for editors whose YAML-aware editor completes keys and flags mistakes as they
//! type (VS Code's YAML extension: `# yaml-language-server: $schema=…`).
//!
//! The property lists are the very key tables the loader checks against
//! (`page::KEYS`, `campaign::KEYS`, `results::KEYS`, `config::KEYS`, …): a test
//! fails if a key is added to one without the other. Descriptions are Vietnamese,
//! for the editors.

use serde_json::{Map, Value, json};

use crate::decode::yaml::{Node, NodeKind};
use crate::model::award_catalog::{FORMS, HONOURS};
use crate::model::config;
use crate::model::results::{HonoreeKind, ListStatus};
use crate::model::{campaign, page, results};

/// `(file name, schema)` of every schema.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("page.schema.json", page_schema()),
        ("campaign.schema.json", campaign_schema()),
        ("results.schema.json", results_schema()),
        ("site.schema.json", site_schema()),
    ]
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn day(description: &str) -> Value {
    json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": format!("{description} Viết YYYY-MM-DD, ví dụ 2022-06-30."), "examples": ["2022-06-30"] })
}

fn day_or_month(description: &str) -> Value {
    json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$", "description": format!("{description} Viết YYYY-MM-DD, hoặc YYYY-MM khi chưa điền ngày."), "examples": ["2022-01-20", "2022-01"] })
}

fn whole(description: &str) -> Value {
    json!({ "type": "integer", "minimum": 0, "description": description })
}

fn list(items: Value, description: &str) -> Value {
    json!({ "type": "array", "items": items, "description": description })
}

fn award_title(description: &str) -> Value {
    // The Law's titles, and forms as decisions word them with their giver:
    // an editor's tool suggests these; the build reads any wording of them.
    let mut titles: Vec<&str> = FORMS
        .iter()
        .filter(|f| {
            !f.needs_issuer
                && !f.named
                && f.key != "huan-chuong"
                && f.key != "huy-chuong"
                && f.key != "danh-hieu-vinh-du-nha-nuoc"
        })
        .map(|f| f.title)
        .collect();
    titles.extend([
        "Bằng khen của Thủ tướng Chính phủ",
        "Bằng khen của Chủ tịch UBND tỉnh",
        "Bằng khen của Bộ trưởng Bộ …",
        "Cờ thi đua của UBND tỉnh",
        "Giấy khen của Giám đốc Sở …",
        "Giấy khen của Chủ tịch UBND xã …",
        "Kỷ niệm chương “Vì sự nghiệp …”",
        "Huân chương Lao động hạng Ba",
    ]);
    titles.extend(HONOURS.iter().map(|h| h.name));
    json!({ "type": "string", "description": description, "examples": titles })
}

/// An object with exactly `keys`, each described in `properties`.
fn object(
    keys: &[&str],
    required: &[&str],
    mut properties: Map<String, Value>,
    description: &str,
) -> Value {
    let mut ordered = Map::new();
    for key in keys {
        let property = properties
            .remove(*key)
            .unwrap_or_else(|| panic!("the schema describes no key `{key}`"));
        ordered.insert((*key).to_owned(), property);
    }
    assert!(
        properties.is_empty(),
        "the schema describes keys the loader does not know: {:?}",
        properties.keys()
    );
    json!({
        "type": "object",
        "description": description,
        "properties": ordered,
        "required": required,
        "additionalProperties": false,
    })
}

fn props(pairs: Vec<(&str, Value)>) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

fn page_properties() -> Vec<(&'static str, Value)> {
    vec![
        ("title", text("Tiêu đề của trang (bắt buộc).")),
        (
            "date",
            day("Ngày đăng. Trang có ngày sau hôm nay chưa được đăng."),
        ),
        (
            "summary",
            text("Tóm tắt một, hai câu, hiện trong các danh sách."),
        ),
        (
            "draft",
            json!({ "type": "boolean", "description": "true: bản nháp, chưa đăng lên trang." }),
        ),
        (
            "weight",
            json!({ "type": "integer", "description": "Thứ tự trong danh sách của chuyên mục: số nhỏ đứng trước." }),
        ),
        (
            "template",
            text("Mẫu giao diện dùng cho trang thay cho mẫu mặc định, ví dụ page.html."),
        ),
        ("tags", list(text("Một chủ đề."), "Các chủ đề của trang.")),
        (
            "attachments",
            list(attachment(), "Các tệp đính kèm nằm cùng thư mục với trang."),
        ),
    ]
}

fn attachment() -> Value {
    object(
        page::ATTACHMENT_KEYS,
        &["file"],
        props(vec![
            (
                "file",
                text("Tên tệp trong cùng thư mục, ví dụ ke-hoach.pdf."),
            ),
            ("title", text("Tên hiển thị của tệp.")),
        ]),
        "Một tệp đính kèm.",
    )
}

fn with_schema_header(mut schema: Value, id: &str, title: &str) -> Value {
    let object = schema.as_object_mut().expect("schemas are objects");
    object.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    object.insert("$id".into(), json!(id));
    object.insert("title".into(), json!(title));
    schema
}

pub fn page_schema() -> Value {
    with_schema_header(
        object(
            page::KEYS,
            &["title"],
            props(page_properties()),
            "Phần đầu (front matter) của một trang.",
        ),
        "page.schema.json",
        "Trang",
    )
}

pub fn campaign_schema() -> Value {
    let milestone = object(
        campaign::MILESTONE_KEYS,
        &["date", "title"],
        props(vec![
            ("date", day("Ngày kỷ niệm.")),
            (
                "since",
                day("Ngày diễn ra sự kiện gốc; trang tự tính số năm kỷ niệm."),
            ),
            (
                "title",
                text("Tên ngày kỷ niệm, ví dụ Ngày thành lập Đảng Cộng sản Việt Nam."),
            ),
        ]),
        "Một mốc kỷ niệm của đợt thi đua.",
    );
    let phase = object(
        campaign::PHASE_KEYS,
        &["id", "name", "start", "end"],
        props(vec![
            (
                "id",
                json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Mã của đợt, chữ thường không dấu, ví dụ dot-1.", "examples": ["dot-1", "dot-2"] }),
            ),
            ("name", text("Tên đợt, ví dụ Đợt thi đua thứ nhất.")),
            ("start", day_or_month("Ngày bắt đầu đợt.")),
            ("end", day("Ngày kết thúc đợt.")),
            ("review_by", day("Hạn hoàn thành tổng kết đợt.")),
            ("goal", text("Mục tiêu của đợt.")),
            ("review", text("Việc tổng kết đợt.")),
            ("milestones", list(milestone, "Các ngày kỷ niệm trong đợt.")),
        ]),
        "Một đợt thi đua.",
    );
    let count = json!({
        "description": "Số lượng: một số, hoặc { min, max }.",
        "oneOf": [
            { "type": "integer", "minimum": 0 },
            object(campaign::COUNT_KEYS, &[], props(vec![("min", whole("Ít nhất.")), ("max", whole("Nhiều nhất (không quá)."))]), "Khoảng số lượng: ít nhất min, không quá max."),
        ]
    });
    let share = |description: &str| json!({ "type": "integer", "minimum": 0, "maximum": 100, "description": description });
    let percent = json!({
        "description": "Tỷ lệ phần trăm: một số (ít nhất), hoặc { min, max } (\"không quá 20%\": { max: 20 }).",
        "oneOf": [
            share("Tỷ lệ phần trăm phấn đấu (ít nhất)."),
            object(campaign::PERCENT_KEYS, &[], props(vec![("min", share("Ít nhất.")), ("max", share("Không quá."))]), "Khoảng tỷ lệ."),
        ]
    });
    let target = object(
        campaign::TARGET_KEYS,
        &["of"],
        props(vec![
            (
                "of",
                json!({ "enum": ["collectives", "individuals"], "description": "collectives: tập thể; individuals: cá nhân." }),
            ),
            ("text", text("Mục tiêu như văn bản ghi.")),
            (
                "award",
                award_title("Danh hiệu thi đua hoặc hình thức khen thưởng."),
            ),
            ("percent", percent),
            ("count", count),
            (
                "id",
                json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Mã của mục tiêu, để một mục tiêu khác tính trong số người đạt mục tiêu này (within)." }),
            ),
            (
                "issuers",
                list(
                    text("Người tặng, ví dụ Bộ trưởng Bộ Nội vụ, Chủ tịch UBND tỉnh."),
                    "Chỉ tính khen thưởng của những người tặng này.",
                ),
            ),
            (
                "level",
                json!({ "enum": ["state", "government", "province", "district", "grassroots"], "description": "Chỉ tính khen thưởng của cấp này." }),
            ),
            (
                "within",
                json!({ "type": "string", "description": "Mã (id) của mục tiêu mà tỷ lệ này tính trong số người đạt, ví dụ \"trong đó 15% đạt Chiến sĩ thi đua cơ sở\"." }),
            ),
        ]),
        "Một mục tiêu thi đua.",
    );
    let mut properties = page_properties();
    properties.extend(vec![
        (
            "number",
            text("Số, ký hiệu văn bản, ví dụ 45/KH-SNV; để \"/KH-SNV\" khi chưa có số."),
        ),
        ("issued", day_or_month("Ngày ban hành.")),
        ("place", text("Địa danh, ví dụ Hà Tĩnh.")),
        (
            "signer",
            object(
                campaign::SIGNER_KEYS,
                &["title", "name"],
                props(vec![
                    (
                        "authority",
                        text("Dòng thẩm quyền ký phía trên chức vụ, khi ký thay, thay mặt, thừa lệnh, thừa ủy quyền hoặc quyền: ví dụ KT. Giám đốc, TL. Giám đốc, TM. Ủy ban nhân dân, Q. Giám đốc."),
                    ),
                    ("title", text("Chức vụ của người ký, ví dụ Giám đốc, Phó Giám đốc.")),
                    ("name", text("Họ và tên.")),
                ]),
                "Người ký.",
            ),
        ),
        ("subject", text("Trích yếu: dòng dưới chữ KẾ HOẠCH.")),
        ("motto", text("Chủ đề thi đua.")),
        (
            "basis",
            list(text("Một văn bản làm căn cứ."), "Các căn cứ."),
        ),
        (
            "phases",
            list(phase, "Các đợt thi đua (bắt buộc, ít nhất một)."),
        ),
        ("targets", list(target, "Các mục tiêu thi đua.")),
        ("recipients", list(text("Một nơi nhận."), "Nơi nhận.")),
    ]);
    let keys: Vec<&str> = page::KEYS.iter().chain(campaign::KEYS).copied().collect();
    with_schema_header(
        object(
            &keys,
            &["title", "phases"],
            props(properties),
            "Phần đầu của kế hoạch phát động phong trào thi đua.",
        ),
        "campaign.schema.json",
        "Phong trào thi đua",
    )
}

pub fn results_schema() -> Value {
    let honoree = object(
        results::HONOREE_KEYS,
        &[],
        props(vec![
            (
                "name",
                text("Họ và tên (cá nhân), hoặc tên tập thể ngoài các đơn vị của Sở."),
            ),
            ("position", text("Chức vụ.")),
            ("unit", text("Mã đơn vị trong site.yaml, ví dụ van-phong.")),
            ("achievement", text("Thành tích.")),
            (
                "kind",
                json!({ "enum": HonoreeKind::ALL.map(HonoreeKind::key), "description": "Chỉ cần khi danh hiệu dành cho cả cá nhân và tập thể." }),
            ),
        ]),
        "Một người hoặc tập thể được khen thưởng. Không ghi ngày sinh, số CMND/CCCD hay số điện thoại.",
    );
    let group = object(
        results::AWARD_GROUP_KEYS,
        &["award", "honorees"],
        props(vec![
            (
                "award",
                award_title("Danh hiệu thi đua hoặc hình thức khen thưởng."),
            ),
            (
                "honorees",
                list(honoree, "Những người, tập thể được khen thưởng."),
            ),
        ]),
        "Một danh hiệu hoặc hình thức khen thưởng và những người nhận.",
    );
    let decision = object(
        results::DECISION_KEYS,
        &["number", "date"],
        props(vec![
            ("number", text("Số quyết định, ví dụ 45/QĐ-SNV.")),
            ("date", day("Ngày ký quyết định.")),
            ("signer", text("Người ký.")),
            (
                "file",
                text("Tên tệp bản quét quyết định, trong thư mục của phong trào."),
            ),
        ]),
        "Quyết định khen thưởng.",
    );
    let properties = vec![
        ("title", text("Tên danh sách (bắt buộc).")),
        ("summary", text("Tóm tắt.")),
        (
            "phase",
            text("Mã đợt thi đua (ví dụ dot-1); bỏ trống khi tổng kết cả phong trào."),
        ),
        (
            "status",
            json!({ "enum": ListStatus::ALL.map(ListStatus::key), "description": "proposed: dự kiến, lấy ý kiến; decided: đã có quyết định." }),
        ),
        (
            "published",
            day("Ngày công bố danh sách; trước ngày này danh sách chưa được đăng."),
        ),
        (
            "comment_until",
            day("Hạn cuối lấy ý kiến (danh sách dự kiến)."),
        ),
        ("decision", decision),
        (
            "proposal",
            text(
                "Danh sách đã quyết định: tên tệp (không có .yaml) của danh sách dự kiến cùng phong trào mà quyết định này quyết định; trang sẽ so sánh hai danh sách.",
            ),
        ),
        (
            "eligible",
            object(
                results::ELIGIBLE_KEYS,
                &[],
                props(vec![
                    ("collectives", whole("Số tập thể thuộc diện xét.")),
                    ("individuals", whole("Số cá nhân thuộc diện xét.")),
                ]),
                "Số đối tượng thuộc diện xét, để tính tỷ lệ đạt mục tiêu.",
            ),
        ),
        (
            "awards",
            list(group, "Các danh hiệu, hình thức khen thưởng."),
        ),
        (
            "attachments",
            list(
                attachment(),
                "Các tệp đính kèm trong thư mục của phong trào.",
            ),
        ),
        (
            "draft",
            json!({ "type": "boolean", "description": "true: bản nháp, chưa đăng lên trang." }),
        ),
    ];
    with_schema_header(
        object(
            results::KEYS,
            &["title", "status", "awards"],
            props(properties),
            "Danh sách khen thưởng.",
        ),
        "results.schema.json",
        "Danh sách khen thưởng",
    )
}

pub fn site_schema() -> Value {
    let organization = object(
        config::ORGANIZATION_KEYS,
        &["name"],
        props(vec![
            ("name", text("Tên cơ quan, ví dụ Sở Nội vụ tỉnh Hà Tĩnh.")),
            ("short_name", text("Tên in ở đầu văn bản, ví dụ Sở Nội vụ.")),
            ("parent", text("Cơ quan cấp trên, ví dụ UBND tỉnh Hà Tĩnh.")),
            ("address", text("Địa chỉ.")),
            ("phone", text("Điện thoại.")),
            ("email", text("Thư điện tử nhận góp ý.")),
            (
                "province",
                text("Tỉnh, thành phố của cơ quan, khi tên cơ quan không ghi, ví dụ Hà Tĩnh."),
            ),
            (
                "symbol",
                text(
                    "Chữ viết tắt của cơ quan trong số, ký hiệu văn bản, ví dụ SNV trong 15/KH-SNV; mặc định: chữ đầu các từ của tên.",
                ),
            ),
            (
                "head",
                text("Chức danh người đứng đầu, người ký văn bản, ví dụ Giám đốc."),
            ),
        ]),
        "Cơ quan.",
    );
    let unit = object(
        crate::model::unit::KEYS,
        &["id", "name"],
        props(vec![
            (
                "id",
                json!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "Mã đơn vị, chữ thường không dấu, ví dụ van-phong." }),
            ),
            ("name", text("Tên đơn vị, ví dụ Văn phòng Sở.")),
        ]),
        "Một phòng, ban, trung tâm.",
    );
    let menu = object(
        config::MENU_KEYS,
        &["title", "url"],
        props(vec![
            ("title", text("Chữ hiện trên thanh điều hướng.")),
            (
                "url",
                text("Địa chỉ trong trang, ví dụ /phong-trao/, hoặc https://…"),
            ),
        ]),
        "Một mục của thanh điều hướng.",
    );
    let award = object(
        crate::model::awards::SITE_AWARD_KEYS,
        &["title", "for"],
        props(vec![
            ("title", text("Tên danh hiệu, hình thức khen thưởng.")),
            (
                "for",
                json!({ "enum": ["individuals", "collectives", "both", "households"], "description": "Dành cho ai." }),
            ),
            (
                "level",
                json!({ "enum": ["state", "government", "province", "district", "grassroots"], "description": "Cấp khen thưởng." }),
            ),
            (
                "kind",
                json!({ "enum": ["title", "commendation"], "description": "title: danh hiệu thi đua; commendation: hình thức khen thưởng." }),
            ),
        ]),
        "Một danh hiệu hoặc hình thức khen thưởng riêng của trang.",
    );
    let html = object(
        config::HTML_KEYS,
        &[],
        props(vec![
            (
                "allow_tags",
                list(text("Tên thẻ HTML."), "Các thẻ HTML được phép thêm."),
            ),
            (
                "allow_attributes",
                json!({ "type": "object", "additionalProperties": list(text("Tên thuộc tính."), "Các thuộc tính của thẻ."), "description": "Các thuộc tính được phép, theo thẻ." }),
            ),
        ]),
        "HTML được phép trong Markdown.",
    );
    let properties = vec![
        ("title", text("Tên trang (bắt buộc).")),
        (
            "base_url",
            json!({ "type": "string", "pattern": "^https?://[^/ ]+", "description": "Địa chỉ công bố trang, ví dụ https://snv.hatinh.gov.vn/thi-dua/." }),
        ),
        ("language", text("Ngôn ngữ, mặc định vi.")),
        ("timezone", text("Múi giờ, mặc định Asia/Ho_Chi_Minh.")),
        (
            "theme",
            text(
                "Giao diện: một thư mục trong themes/, đặt lên trên giao diện có sẵn trong bangvang. Bỏ trống: giao diện có sẵn (hoặc themes/default nếu có).",
            ),
        ),
        (
            "reporting_year",
            json!({ "enum": ["calendar", "school"], "description": "Khen thưởng tính theo năm nào: calendar (năm dương lịch, mặc định) hoặc school (năm học, từ ngày 01 tháng 9)." }),
        ),
        (
            "leading_titles",
            list(
                text("Một chức danh, ví dụ Tổ trưởng."),
                "Chức danh lãnh đạo, quản lý riêng của trang, thêm vào danh sách có sẵn, khi thống kê tỷ lệ khen thưởng người không giữ chức vụ lãnh đạo, quản lý.",
            ),
        ),
        ("organization", organization),
        (
            "open_data_license",
            object(
                config::LICENSE_KEYS,
                &["name", "title", "url"],
                props(vec![
                    (
                        "name",
                        text("Mã giấy phép (SPDX), ví dụ CC-BY-4.0, ODC-By-1.0."),
                    ),
                    ("title", text("Tên giấy phép, như trang ghi.")),
                    (
                        "url",
                        json!({ "type": "string", "pattern": "^https?://", "description": "Địa chỉ văn bản giấy phép." }),
                    ),
                ]),
                "Giấy phép của dữ liệu mở (khen-thuong/); mặc định CC BY 4.0.",
            ),
        ),
        ("units", list(unit, "Các phòng, ban, trung tâm.")),
        ("menu", list(menu, "Thanh điều hướng.")),
        (
            "clean_urls",
            json!({ "type": "boolean", "description": "true: địa chỉ dạng /a/b/ (cần máy chủ web); false: /a/b/index.html (mở được từ ổ đĩa)." }),
        ),
        (
            "awards",
            list(
                award,
                "Danh hiệu, hình thức khen thưởng riêng của trang, thêm vào danh mục của Luật.",
            ),
        ),
        ("html", html),
        (
            "paginate",
            json!({ "type": "integer", "minimum": 1, "description": "Số mục mỗi trang danh sách, mặc định 10." }),
        ),
    ];
    with_schema_header(
        object(
            config::KEYS,
            &["title"],
            props(properties),
            "Cấu hình trang.",
        ),
        "site.schema.json",
        "site.yaml",
    )
}

/// A YAML tree as JSON, with plain scalars typed as YAML's core schema reads
/// them (`true`, `20`): what an editor's YAML extension validates.
pub fn yaml_to_json(node: &Node) -> Value {
    match &node.kind {
        NodeKind::Scalar { value, plain } => {
            if !plain {
                return Value::String(value.clone());
            }
            if node.is_null() {
                return Value::Null;
            }
            match value.as_str() {
                "true" | "True" | "TRUE" => Value::Bool(true),
                "false" | "False" | "FALSE" => Value::Bool(false),
                v => v
                    .parse::<i64>()
                    .map(Value::from)
                    .unwrap_or_else(|_| Value::String(v.to_owned())),
            }
        }
        NodeKind::Seq(items) => Value::Array(items.iter().map(yaml_to_json).collect()),
        NodeKind::Map(entries) => Value::Object(
            entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.kind {
                        NodeKind::Scalar { value, .. } => value.clone(),
                        _ => String::new(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_builds_and_names_exactly_the_loaders_keys() {
        // `object` panics on a key without a description or a description of no key.
        for (name, schema) in all() {
            assert!(schema["properties"].is_object(), "{name}");
            assert_eq!(schema["additionalProperties"], json!(false), "{name}");
        }
    }
}
