import Mustache

/// The cover page of an inspection archive, `index.html`: one self-contained page in Vietnamese and English (its
/// style inside, no script, nothing loaded from elsewhere) that says what the archive holds and how to check it.
/// Every value is inserted with `{{name}}`, which escapes `& < > " '`.
enum ArchiveCover {
    /// The page's values: see ``InspectionArchive`` for what they hold.
    static func render(_ values: [String: Any]) -> String {
        guard let text = library.render(values, withTemplate: "cover") else {
            fatalError("the archive cover template is missing")
        }
        return text
    }

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        do { try library.register(template, named: "cover") } catch {
            fatalError("the archive cover template does not parse: \(error)")
        }
        return library
    }()

    static let template = """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Hồ sơ trích xuất sổ cái / Ledger extract — {{origin}}</title>
        <style>
        body { margin: 0 auto; max-width: 72em; padding: 1em 1.5em 3em; color: #1d2430;
          font: 15px/1.5 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        .en { color: #5b6472; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; vertical-align: top; padding: .3em .6em; border-bottom: 1px solid #d5dae1; }
        dl { display: grid; grid-template-columns: 16em 1fr; gap: .2em 1em; }
        dt { color: #5b6472; } dd { margin: 0; }
        pre, .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; overflow-wrap: anywhere; }
        pre { background: #f6f8fa; border: 1px solid #d5dae1; padding: .6em; white-space: pre-wrap; }
        .withheld { color: #8a1c1c; }
        </style>
        </head>
        <body>
        <h1>Hồ sơ trích xuất sổ cái nhóm Zalo <span class="en">/ Zalo group ledger extract</span></h1>
        <dl>
        <dt>Nguồn sổ cái <span class="en">/ Ledger origin</span></dt><dd class="hash">{{origin}}</dd>
        <dt>Số bản ghi của điểm kiểm tra <span class="en">/ Checkpoint size</span></dt><dd>{{size}}</dd>
        <dt>Mã băm gốc <span class="en">/ Root hash</span></dt><dd class="hash">{{root}}</dd>
        <dt>Người trích xuất <span class="en">/ Exported by</span></dt><dd>{{exporter}}</dd>
        <dt>Thời điểm trích xuất <span class="en">/ Exported at</span></dt><dd>{{exportedAt}}</dd>
        <dt>Nội dung chọn <span class="en">/ What was chosen</span></dt>
        <dd>{{selectionVI}} <span class="en">/ {{selectionEN}}</span></dd>
        <dt>Mục đích <span class="en">/ Purpose</span></dt><dd>{{purpose}}</dd>
        <dt>Số bản ghi trong hồ sơ <span class="en">/ Records in this archive</span></dt><dd>{{count}}</dd>
        </dl>

        <h2>Điểm kiểm tra đã ký <span class="en">/ Signed checkpoint</span></h2>
        <p>Tệp <code>checkpoint</code>. Mọi bằng chứng trong hồ sơ đều chứng minh theo điểm kiểm tra này.
        <span class="en">The file <code>checkpoint</code>; every proof in this archive is against it.</span></p>
        <pre>{{checkpoint}}</pre>

        <h2>Các bản ghi <span class="en">/ The records</span></h2>
        <table>
        <thead><tr><th>#</th><th>Loại <span class="en">/ Type</span></th><th>Thời gian <span class="en">/ Time</span></th>
        <th>Nhóm <span class="en">/ Group</span></th><th>Người thực hiện <span class="en">/ Actor</span></th>
        <th>Nội dung <span class="en">/ Content</span></th></tr></thead>
        <tbody>
        {{#records}}
        <tr><td>{{seq}}</td><td>{{type}}</td><td>{{time}}</td><td>{{group}}</td>
        <td>{{actorVI}}{{#actorDiffers}}<br><span class="en">{{actorEN}}</span>{{/actorDiffers}}</td>
        <td>{{#withheld}}<span class="withheld">đã giữ lại <span class="en">/ withheld</span></span>{{/withheld}}\
        {{#hasContent}}{{seq}}.content.txt{{/hasContent}}{{#noContent}}–{{/noContent}}</td></tr>
        {{/records}}
        </tbody>
        </table>

        <h2>Các tệp <span class="en">/ The files</span></h2>
        <dl>
        <dt><code>records/N.record</code></dt>
        <dd>Bản ghi đúng từng byte như sổ cái lưu (lá cây Merkle). <span class="en">The record's bytes as stored (the
        Merkle leaf).</span></dd>
        <dt><code>records/N.json</code></dt>
        <dd>Sự kiện đã lưu, mã băm lá, mã băm trước, thời điểm ghi. <span class="en">The stored event, leaf hash,
        previous hash and time of appending.</span></dd>
        <dt><code>records/N.content.txt</code></dt>
        <dd>Nội dung (văn bản) của bản ghi. <span class="en">The record's content (text).</span></dd>
        <dt><code>records/N.withheld.txt</code></dt>
        <dd>Thông báo giữ lại nội dung: ai, khi nào, vì sao, bản ghi nào ra lệnh — không có văn bản.
        <span class="en">The withholding notice: who, when, why, which record ordered it — never the text.</span></dd>
        <dt><code>records/N.proof</code></dt>
        <dd>Bằng chứng bao hàm <code>c2sp.org/tlog-proof@v1</code>. <span class="en">The inclusion proof.</span></dd>
        <dt><code>SHA256SUMS</code></dt>
        <dd>Mã băm SHA-256 của mọi tệp khác. <span class="en">The SHA-256 of every other file.</span></dd>
        </dl>

        <h2>Cách kiểm tra <span class="en">/ How to check</span></h2>
        <p>Lấy khóa xác minh của sổ cái từ nguồn công bố chính thức của cơ quan (không lấy từ hồ sơ này), rồi chạy:
        <span class="en">Take the ledger's verifier key from the office's published source (not from this archive),
        then run:</span></p>
        <pre>sha256sum -c SHA256SUMS
        groupledger proof verify --vkey KHÓA/KEY --record records/{{example}}.record records/{{example}}.proof</pre>
        <p>Lặp lại lệnh thứ hai cho mỗi bản ghi; kết quả <code>VALID</code> nghĩa là bản ghi có trong sổ cái tại điểm
        kiểm tra đã ký. <span class="en">Repeat the second command for each record; <code>VALID</code> means the record
        is in the ledger at the signed checkpoint.</span></p>
        </body>
        </html>

        """
}
