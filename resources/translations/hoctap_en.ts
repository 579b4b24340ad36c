<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AdminDesk</name>
    <message>
        <location filename="../../gui/admin/desk.py" line="57" />
        <location filename="../../gui/admin/desk.py" line="94" />
        <source>Các mục quản trị</source>
        <translation>Administration sections</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../gui/admin/common.py" line="110" />
        <source>{0} phải có dạng ngày/tháng/năm, ví dụ 02/09/1975.</source>
        <translation>{0} must be a date as day/month/year, for example 02/09/1975.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="41" />
        <source>Chọn một đáp án</source>
        <translation>Single choice</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="42" />
        <source>Chọn nhiều đáp án</source>
        <translation>Multiple choice</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="43" />
        <source>Đúng / Sai</source>
        <translation>True / False</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="44" />
        <source>Điền vào chỗ trống</source>
        <translation>Fill in the blank</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="45" />
        <source>Ghép cặp</source>
        <translation>Matching</translation>
    </message>
</context>
<context>
    <name>AnswerField</name>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="42" />
        <source>Câu {0}</source>
        <translation>Question {0}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="64" />
        <source>Câu ghép đôi: mỗi ý gõ một chữ cái có trong câu, hoặc - nếu bỏ trống.</source>
        <translation>Matching question: type one of its letters for each item, or - for a blank.</translation>
    </message>
</context>
<context>
    <name>BankPage</name>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="49" />
        <location filename="../../gui/admin/bank_page.py" line="108" />
        <source>Ngân hàng câu hỏi</source>
        <translation>Question bank</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="60" />
        <source>Danh sách câu hỏi</source>
        <translation>Question list</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="95" />
        <source>Câu hỏi đang chọn</source>
        <translation>Selected question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="97" />
        <source>Lưu sửa đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="98" />
        <source>Thêm thành câu hỏi mới</source>
        <translation>Add as a new question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="99" />
        <location filename="../../gui/admin/bank_page.py" line="276" />
        <source>Tắt câu hỏi</source>
        <translation>Disable question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="114" />
        <source>Nâng cao</source>
        <translation>Advanced</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="116" />
        <source>Nhập câu hỏi từ tệp GIFT (Moodle)…</source>
        <translation>Import questions from a GIFT file (Moodle)…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="117" />
        <source>Xuất câu hỏi đang dùng ra tệp GIFT…</source>
        <translation>Export the questions in use to a GIFT file…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="122" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="130" />
        <source>Lọc theo mục</source>
        <translation>Filter by section</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="131" />
        <source>Lọc theo loại câu hỏi</source>
        <translation>Filter by question type</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="132" />
        <source>Mọi loại</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="135" />
        <source>Lọc theo trạng thái</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="137" />
        <source>Mọi trạng thái</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="138" />
        <source>Đang dùng</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="139" />
        <source>Đã tắt</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="140" />
        <source>Có cảnh báo thống kê</source>
        <translation>With statistics warnings</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="141" />
        <source>Do quản trị thêm hoặc sửa</source>
        <translation>Added or edited by the administrator</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="147" />
        <source>Tìm trong nội dung câu hỏi</source>
        <translation>Search the question text</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="148" />
        <source>Tìm trong câu hỏi (gõ không dấu cũng được)</source>
        <translation>Search the questions (accents optional)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="195" />
        <source>Mọi mục</source>
        <translation>All sections</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="246" />
        <source>{0} câu</source>
        <translation>{0} questions</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="276" />
        <source>Bật lại câu hỏi</source>
        <translation>Enable question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="283" />
        <source>Đã bật lại câu hỏi.</source>
        <translation>The question is enabled again.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="283" />
        <source>Đã tắt câu hỏi; bài mới sẽ không có câu này.</source>
        <translation>Question disabled; new quizzes will not include it.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="307" />
        <source>Đã lưu câu hỏi.</source>
        <translation>Question saved.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="324" />
        <source>Đã thêm câu hỏi mới.</source>
        <translation>New question added.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="334" />
        <source>Chọn tệp câu hỏi GIFT</source>
        <translation>Choose a GIFT question file</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="335" />
        <source>Tệp GIFT (*.gift *.txt)</source>
        <translation>GIFT files (*.gift *.txt)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="342" />
        <source>Lưu câu hỏi</source>
        <translation>Save questions</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="343" />
        <source>Tệp GIFT (*.gift)</source>
        <translation>GIFT files (*.gift)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="354" />
        <source>Đã nhập {0} câu hỏi từ {1}.</source>
        <translation>Imported {0} questions from {1}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_page.py" line="360" />
        <source>Đã xuất {0} câu hỏi đang dùng ra {1}.</source>
        <translation>Exported {0} enabled questions to {1}.</translation>
    </message>
</context>
<context>
    <name>BankTableModel</name>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="42" />
        <source>Dùng</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="43" />
        <source>Loại</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="44" />
        <source>Câu hỏi</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="45" />
        <source>Mục</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="46" />
        <location filename="../../gui/admin/bank_model.py" line="55" />
        <source>Số lần hỏi</source>
        <translation>Times asked</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="47" />
        <location filename="../../gui/admin/bank_model.py" line="56" />
        <source>Tỉ lệ đúng</source>
        <translation>Correct rate</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="48" />
        <location filename="../../gui/admin/bank_model.py" line="57" />
        <source>Độ phân biệt</source>
        <translation>Discrimination</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="49" />
        <location filename="../../gui/admin/bank_model.py" line="61" />
        <source>Cảnh báo</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="50" />
        <source>Nguồn</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="51" />
        <source>Trọng số</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="55" />
        <source>Số lần câu này đã có trong các bài kiểm tra đã nộp.</source>
        <translation>How many handed-in exams contained this question.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="56" />
        <source>Phần trăm số lần đảng viên trả lời đúng câu này.</source>
        <translation>How often, in percent, members answered this question correctly.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="58" />
        <source>Câu tốt thì người làm bài tốt trả lời đúng nhiều hơn người làm bài kém; số gần 0 hoặc âm là câu cần xem lại.</source>
        <translation>A good question is answered correctly more often by strong members than by weak ones; a figure near 0 or below means the question needs a second look.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="61" />
        <source>Lý do thống kê cho thấy câu này có thể quá dễ, quá khó hoặc gây hiểu nhầm.</source>
        <translation>Why the figures suggest this question may be too easy, too hard or misleading.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="132" />
        <source>đang dùng</source>
        <translation>enabled</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="132" />
        <source>đã tắt</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="154" />
        <source>tự sinh</source>
        <translation>generated</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="154" />
        <source>quản trị thêm</source>
        <translation>added by admin</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="154" />
        <source>nhập GIFT</source>
        <translation>GIFT import</translation>
    </message>
    <message>
        <location filename="../../gui/admin/bank_model.py" line="156" />
        <source>, đã sửa</source>
        <translation>, edited</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../gui/admin/bar_chart.py" line="72" />
        <source>Chưa có số liệu.</source>
        <translation>No figures yet.</translation>
    </message>
</context>
<context>
    <name>CommitmentTable</name>
    <message>
        <location filename="../../gui/commitment_table.py" line="170" />
        <source>Nội dung việc làm đăng ký</source>
        <translation>Planned action</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="171" />
        <source>Biện pháp thực hiện</source>
        <translation>How it will be done</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="172" />
        <source>Thời gian hoàn thành</source>
        <translation>Completion date</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="173" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="176" />
        <source>Bảng đăng ký cam kết (F2 để sửa ô)</source>
        <translation>Commitment table (F2 edits a cell)</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="177" />
        <source>Thêm dòng</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="178" />
        <source>Xoá dòng</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="179" />
        <source>Lên ▲</source>
        <translation>Up ▲</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="180" />
        <source>Chuyển dòng lên</source>
        <translation>Move row up</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="181" />
        <source>Xuống ▼</source>
        <translation>Down ▼</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="182" />
        <source>Chuyển dòng xuống</source>
        <translation>Move row down</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="185" />
        <source>&amp;Gợi ý từ văn bản (chọn rồi bấm "Thêm gợi ý vào bảng", sau đó sửa lại cho phù hợp với công việc của mình):</source>
        <translation>&amp;Suggestions from the document (choose one, press "Add suggestion to table", then adapt it to your own work):</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="189" />
        <source>Gợi ý việc làm</source>
        <translation>Suggested actions</translation>
    </message>
    <message>
        <location filename="../../gui/commitment_table.py" line="190" />
        <source>Thêm gợi ý vào bảng</source>
        <translation>Add suggestion to table</translation>
    </message>
</context>
<context>
    <name>DocumentPicker</name>
    <message>
        <location filename="../../gui/admin/document_picker.py" line="34" />
        <source>Văn bản</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/document_picker.py" line="52" />
        <source>(chưa có văn bản nào — hãy nhập văn bản trước)</source>
        <translation>(no documents yet — import a document first)</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="29" />
        <source>Thông tin in trên giấy tờ của đơn vị</source>
        <translation>The unit's details printed on every paper</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="33" />
        <source>Mỗi bản thu hoạch, bản cam kết và báo cáo đều in phần đầu theo thể thức văn bản của Đảng. Xin đồng chí nhập một lần các tên dưới đây; sau này có thể sửa trong «Cài đặt chung».</source>
        <translation>Every reflection, pledge and report prints a heading in the Party document format. Please enter the names below once; you can change them later in «General settings».</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="39" />
        <source>Đảng bộ cấp trên</source>
        <translation>Higher-level Party committee</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="39" />
        <source>ví dụ: Đảng bộ xã Thanh Hà</source>
        <translation>e.g. Đảng bộ xã Thanh Hà</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="42" />
        <source>Tên chi bộ hoặc đảng bộ</source>
        <translation>Name of the party cell or committee</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="42" />
        <source>ví dụ: Chi bộ thôn Đồng Tâm</source>
        <translation>e.g. Chi bộ thôn Đồng Tâm</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="45" />
        <source>Địa danh ghi ở dòng ngày tháng</source>
        <translation>Place name in the date line</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="45" />
        <source>ví dụ: Thanh Hà</source>
        <translation>e.g. Thanh Hà</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="49" />
        <source>Hạn nộp bản thu hoạch, cam kết</source>
        <translation>Deadline for handing in reflections and pledges</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="50" />
        <source>ngày/tháng/năm, có thể để trống</source>
        <translation>day/month/year, may be left empty</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="54" />
        <source>Đảng bộ &amp;cấp trên:</source>
        <translation>&amp;Superior party committee:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="55" />
        <source>Tên &amp;chi bộ (đảng bộ):</source>
        <translation>Party &amp;cell (committee) name:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="56" />
        <source>Đị&amp;a danh:</source>
        <translation>&amp;Place name:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="57" />
        <source>&amp;Hạn nộp thu hoạch, cam kết:</source>
        <translation>&amp;Deadline for reflections and pledges:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="63" />
        <source>Lưu và bắt đầu</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="65" />
        <source>Để sau</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="88" />
        <source>Thông tin đơn vị</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="108" />
        <source>Hạn nộp</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="117" />
        <source>Xin nhập {0}.</source>
        <translation>Please enter {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="120" />
        <source>Đã lưu thông tin đơn vị.</source>
        <translation>Unit details saved.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/first_start_page.py" line="128" />
        <source>Phần đầu sẽ in: {0} / {1} / * — {2}, ngày … tháng … năm …</source>
        <translation>The heading will print: {0} / {1} / * — {2}, ngày … tháng … năm …</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../gui/admin/import_page.py" line="50" />
        <source>Nhập văn bản nghị quyết</source>
        <translation>Import a resolution document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="51" />
        <source>&amp;Nhập văn bản từ tệp…</source>
        <translation>&amp;Import a document from a file…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="55" />
        <source>Tiến độ nhập văn bản</source>
        <translation>Import progress</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="57" />
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="66" />
        <source>Nhận tệp .txt, .docx, .pdf có chữ và trang web đã lưu (.html); không nhận bản quét ảnh.</source>
        <translation>Accepts .txt, .docx, text-based .pdf files and saved web pages (.html); not scanned images.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="72" />
        <location filename="../../gui/admin/import_page.py" line="230" />
        <source>Xoá văn bản</source>
        <translation>Delete document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="75" />
        <source>&amp;Văn bản đã nhập:</source>
        <translation>Imported &amp;document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="93" />
        <source>Nhập văn bản</source>
        <translation>Import document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="96" />
        <source>Các mục (đề mục) tìm thấy</source>
        <translation>Sections (headings) found</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="106" />
        <source>Các dòng đã loại bỏ</source>
        <translation>Removed lines</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="107" />
        <source>Số trang, đầu trang, chân trang… mà chương trình đã bỏ khi nhập.</source>
        <translation>Page numbers, headers, footers… that the import left out.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="110" />
        <source>Các dòng đã loại bỏ khi nhập</source>
        <translation>Lines removed during import</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="111" />
        <source>Dòng</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="111" />
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="128" />
        <source>Chọn văn bản nghị quyết</source>
        <translation>Choose the resolution document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="129" />
        <source>Văn bản ({0})</source>
        <translation>Documents ({0})</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="139" />
        <source>Đang đọc {0}…</source>
        <translation>Reading {0}…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="149" />
        <source>Đang nhập văn bản…</source>
        <translation>Importing the document…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="156" />
        <source>Văn bản đang được lưu, không dừng được nữa; xin chờ giây lát.</source>
        <translation>The document is being saved and can no longer be stopped; please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="169" />
        <source>Đã nhập «{0}»: {1} mục. Hãy xem lại các mục và các dòng đã loại bỏ bên dưới.</source>
        <translation>Imported «{0}»: {1} sections. Please check the sections and the removed lines below.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="151" />
        <source>Đã dừng nhập văn bản; dữ liệu không thay đổi.</source>
        <translation>Import stopped; no data was changed.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="214" />
        <source>Đã đổi tên mục.</source>
        <translation>Section renamed.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="218" />
        <source>Đã gộp mục với mục sau.</source>
        <translation>Section merged with the next one.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="227" />
        <source>Xoá văn bản «{0}» cùng câu hỏi và bài làm gắn với nó?</source>
        <translation>Delete the document «{0}» together with its questions and quiz attempts?</translation>
    </message>
    <message>
        <location filename="../../gui/admin/import_page.py" line="238" />
        <source>Đã xoá văn bản.</source>
        <translation>Document deleted.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="257" />
        <location filename="../../gui/main_window.py" line="429" />
        <source>Quản trị</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="329" />
        <source>Đang học: {name}</source>
        <translation>Studying: {name}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="331" />
        <source>Đang đăng nhập: quản trị</source>
        <translation>Signed in: administrator</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="333" />
        <source>Chỉ đọc văn bản</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="357" />
        <source>Cỡ chữ: {size}</source>
        <translation>Font size: {size}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="369" />
        <source>Học tập Nghị quyết, phiên bản {version}.
Đọc văn bản, làm bài kiểm tra và viết bản thu hoạch, cam kết của đảng viên.</source>
        <translation>Resolution Study, version {version}.
Read the resolution, take quizzes and write the member's reflection and commitment form.</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="372" />
        <location filename="../../gui/main_window.py" line="449" />
        <source>Giới thiệu</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="420" />
        <source>Học tập Nghị quyết</source>
        <translation>Resolution Study</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="421" />
        <source>Đang xử lý…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="134" />
        <location filename="../../gui/main_window.py" line="423" />
        <source>Học tập</source>
        <translation>Study</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="425" />
        <source>Thu hoạch và cam kết</source>
        <translation>Reflection and commitment</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="427" />
        <source>Tiến độ của tôi</source>
        <translation>My progress</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="430" />
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="431" />
        <source>&amp;Học tập</source>
        <translation>&amp;Study</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="432" />
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="433" />
        <source>&amp;Ngôn ngữ</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="434" />
        <source>Trợ &amp;giúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="435" />
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="437" />
        <source>Đổi người dùng</source>
        <translation>Switch user</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="438" />
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="439" />
        <source>Chữ to hơn (Ctrl +)</source>
        <translation>Larger text (Ctrl +)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="440" />
        <source>Chữ nhỏ hơn (Ctrl −)</source>
        <translation>Smaller text (Ctrl −)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="441" />
        <source>Cỡ chữ mặc định</source>
        <translation>Default text size</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="442" />
        <source>Tương phản cao</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="445" />
        <source>Tìm trong văn bản</source>
        <translation>Find in text</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="446" />
        <source>Đánh dấu đã học phần này</source>
        <translation>Mark this part as studied</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="447" />
        <source>Đánh dấu trang</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="448" />
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="451" />
        <source>Đổi ngôn ngữ giao diện (Ctrl+L)</source>
        <translation>Switch the interface language (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <location filename="../../gui/admin/member_form.py" line="16" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="17" />
        <location filename="../../gui/admin/member_form.py" line="73" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="17" />
        <location filename="../../gui/admin/member_form.py" line="24" />
        <source>ngày/tháng/năm</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="18" />
        <source>Chức vụ Đảng</source>
        <translation>Party position</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="19" />
        <source>Chức vụ chuyên môn</source>
        <translation>Job title</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="20" />
        <source>Đơn vị công tác</source>
        <translation>Workplace</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="23" />
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="24" />
        <location filename="../../gui/admin/member_form.py" line="77" />
        <source>Ngày vào Đảng</source>
        <translation>Date of joining the Party</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="25" />
        <source>Số thẻ đảng viên</source>
        <translation>Party card number</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="29" />
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="30" />
        <source>Ngày &amp;sinh:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="31" />
        <source>Chức vụ Đả&amp;ng:</source>
        <translation>Party positio&amp;n:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="32" />
        <source>Chức vụ &amp;chuyên môn:</source>
        <translation>&amp;Job title:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="33" />
        <source>Đơn vị &amp;công tác:</source>
        <translation>&amp;Workplace:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="34" />
        <source>Chi &amp;bộ:</source>
        <translation>Party &amp;cell:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="35" />
        <source>Ngày &amp;vào Đảng:</source>
        <translation>Date of joining the Part&amp;y:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="36" />
        <source>Số &amp;thẻ đảng viên:</source>
        <translation>Party card n&amp;umber:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/member_form.py" line="57" />
        <source>(chưa chọn chi bộ)</source>
        <translation>(no Party cell chosen)</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <location filename="../../gui/admin/members_page.py" line="42" />
        <source>Đảng viên và chi bộ</source>
        <translation>Party members and cells</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="56" />
        <source>Đảng viên, chi bộ</source>
        <translation>Members, cells</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="61" />
        <source>Đơn vị</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="64" />
        <source>Đảng bộ và chi bộ</source>
        <translation>Party committees and cells</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="69" />
        <source>Tên đơn vị mới hoặc tên mới</source>
        <translation>Name of the new unit, or new name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="70" />
        <source>Tên đơn vị, ví dụ: Chi bộ Văn phòng</source>
        <translation>Unit name, for example: Office Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="71" />
        <source>Thêm đảng bộ</source>
        <translation>Add Party committee</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="72" />
        <source>Thêm chi bộ</source>
        <translation>Add Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="73" />
        <source>Đổi tên</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="74" />
        <location filename="../../gui/admin/members_page.py" line="300" />
        <source>Xoá đơn vị</source>
        <translation>Delete unit</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="89" />
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="92" />
        <source>Tìm đảng viên theo tên</source>
        <translation>Find a Party member by name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="93" />
        <source>Tìm theo tên (gõ không dấu cũng được)</source>
        <translation>Find by name (accents optional)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="98" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="99" />
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="100" />
        <source>Chức vụ</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="101" />
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="102" />
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="102" />
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="103" />
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="103" />
        <source>chờ duyệt</source>
        <translation>awaiting approval</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="107" />
        <source>Danh sách đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="111" />
        <source>Thêm đảng viên</source>
        <translation>Add Party member</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="112" />
        <source>Lưu thay đổi</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="113" />
        <location filename="../../gui/admin/members_page.py" line="401" />
        <source>Xoá đảng viên</source>
        <translation>Delete Party member</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="114" />
        <source>Bỏ mã PIN</source>
        <translation>Remove PIN</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="115" />
        <source>Làm trống</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="116" />
        <source>Mở lại bản cam kết</source>
        <translation>Reopen the commitment plan</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="117" />
        <source>Duyệt</source>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="119" />
        <source>Xác nhận đảng viên tự thêm tên ở màn hình đầu; từ đó kết quả của đồng chí được tính.</source>
        <translation>Confirm a member who added their own name on the start screen; from then on their results count.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="122" />
        <location filename="../../gui/admin/members_page.py" line="380" />
        <source>Lần đăng nhập sai</source>
        <translation>Failed sign-ins</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="123" />
        <source>Những lần nhập sai mật khẩu quản trị hoặc mã PIN gần đây.</source>
        <translation>Recent wrong admin passwords or PINs.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="126" />
        <source>Mở khoá bản thu hoạch, cam kết đã hoàn thành để đảng viên sửa lại (bản đã nộp vẫn được lưu).</source>
        <translation>Unlock a finished reflection and commitment plan so the Party member can edit it again (the submitted version is kept).</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="200" />
        <source>{0} ({1} đảng viên)</source>
        <translation>{0} ({1} members)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="278" />
        <source>Đã thêm {0}.</source>
        <translation>Added {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="289" />
        <source>Hãy chọn đơn vị cần đổi tên.</source>
        <translation>Please choose the unit to rename.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="292" />
        <source>Đã đổi tên.</source>
        <translation>Renamed.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="297" />
        <source>Hãy chọn đơn vị cần xoá.</source>
        <translation>Please choose the unit to delete.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="299" />
        <source>Xoá đơn vị «{0}»?</source>
        <translation>Delete the unit «{0}»?</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="306" />
        <source>Đã xoá {0}.</source>
        <translation>Deleted {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="350" />
        <source>Đã thêm đảng viên {0}.</source>
        <translation>Added Party member {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="359" />
        <source>Đã duyệt {0}; kết quả của đồng chí từ nay được tính.</source>
        <translation>Approved {0}; their results count from now on.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="376" />
        <source>quản trị</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="379" />
        <source>Chưa có lần đăng nhập sai nào.</source>
        <translation>No failed sign-in yet.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="393" />
        <source>Đã lưu hồ sơ của {0}.</source>
        <translation>Saved the record of {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="400" />
        <source>Xoá đảng viên {0} cùng các bài làm của đồng chí?</source>
        <translation>Delete Party member {0} together with all their quiz attempts?</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="404" />
        <source>Đã xoá đảng viên {0}.</source>
        <translation>Deleted Party member {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="413" />
        <source>Đã bỏ mã PIN của {0}.</source>
        <translation>Removed the PIN of {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="438" />
        <source>Đã mở lại bản cam kết của {0}; đồng chí có thể sửa và hoàn thành lại.</source>
        <translation>Reopened the commitment plan of {0}; they can edit and finish it again.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/members_page.py" line="444" />
        <source>Bản cam kết của {0} chưa hoàn thành nên không cần mở lại.</source>
        <translation>The commitment plan of {0} is not finished, so there is nothing to reopen.</translation>
    </message>
</context>
<context>
    <name>PaperEntry</name>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="107" />
        <source>Xem lại trước khi lưu</source>
        <translation>Review before saving</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="116" />
        <source>Xem lại các câu trả lời đã nhập</source>
        <translation>Review the answers entered</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="117" />
        <source>Câu</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="117" />
        <source>Đã nhập</source>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="117" />
        <source>Câu điền: chấp nhận?</source>
        <translation>Typed answer: accept?</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="120" />
        <source>&amp;Lưu và chấm điểm</source>
        <translation>&amp;Save and score</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="123" />
        <source>&amp;Sửa lại</source>
        <translation>&amp;Correct</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="145" />
        <source>{name} — mã {code} — {count} câu</source>
        <translation>{name} — code {code} — {count} questions</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="154" />
        <source>Câu {0}</source>
        <translation>Question {0}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="199" />
        <source>câu điền, Enter</source>
        <translation>typed answer, Enter</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="201" />
        <source>Đ (D) / S</source>
        <translation>Đ (D) / S</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="203" />
        <source>{0} chữ cái</source>
        <translation>{0} letters</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="205" />
        <source> (nhiều), Enter</source>
        <translation> (several), Enter</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_entry.py" line="248" />
        <source>Đáp án: {0}</source>
        <translation>Accepted: {0}</translation>
    </message>
</context>
<context>
    <name>PaperPage</name>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="68" />
        <source>Bài kiểm tra trên giấy</source>
        <translation>Quiz on paper</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="74" />
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="80" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="80" />
        <source>C&amp;hi bộ:</source>
        <translation>C&amp;ell:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="90" />
        <source>In bài</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="91" />
        <source>Nhập kết quả</source>
        <translation>Enter results</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="92" />
        <source>Bản thu hoạch giấy</source>
        <translation>Paper forms</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="98" />
        <source>Bài trên giấy</source>
        <translation>Paper quizzes</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="106" />
        <source>Đảng viên được in bài</source>
        <translation>Members to print for</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="110" />
        <source>Số câu hỏi</source>
        <translation>Number of questions</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="114" />
        <source>Số bản để trống tên</source>
        <translation>Number of blank copies</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="115" />
        <source>Có cả câu điền (cần người đọc khi nhập điểm)</source>
        <translation>Include typed answers (someone must read them when entering)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="117" />
        <source>In bài kiểm tra (PDF)…</source>
        <translation>Print the quiz (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="120" />
        <source>Số &amp;câu:</source>
        <translation>&amp;Questions:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="124" />
        <source>Bản để &amp;trống:</source>
        <translation>&amp;Blank copies:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="130" />
        <source>Mỗi đảng viên được chọn có một bài riêng (xáo trộn riêng, mã riêng).</source>
        <translation>Each ticked member gets a paper of their own (own shuffle, own code).</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="142" />
        <source>Lưu tệp</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="148" />
        <source>Hãy đánh dấu ít nhất một đảng viên để in bài.</source>
        <translation>Tick at least one member to print a paper for.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="173" />
        <source>Đã lưu {0}.</source>
        <translation>Saved {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="176" />
        <source>Đang in…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="187" />
        <source>Mã bài làm</source>
        <translation>Paper code</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="188" />
        <source>mã in trên bài, ví dụ K7M-3PX</source>
        <translation>the code printed on the paper, e.g. K7M-3PX</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="193" />
        <source>Bài chờ nhập</source>
        <translation>Papers waiting for entry</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="196" />
        <source>&amp;Mở bài</source>
        <translation>&amp;Open paper</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="198" />
        <source>In lại…</source>
        <translation>Print again…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="202" />
        <source>Đảng viên đã làm bài in để trống tên</source>
        <translation>Member who wrote the blank copy</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="209" />
        <source>Mã &amp;bài:</source>
        <translation>Paper &amp;code:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="214" />
        <source>hoặc &amp;chọn:</source>
        <translation>or &amp;choose:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="219" />
        <source>Bài này &amp;của:</source>
        <translation>This paper &amp;belongs to:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="256" />
        <source>Bài của {0} đã được nhập điểm rồi.</source>
        <translation>{0}'s paper has already been entered.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="267" />
        <source>Hãy chọn đảng viên đã làm bài in để trống tên này.</source>
        <translation>Choose the member who wrote this blank copy.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="275" />
        <source>Đã lưu bài của {name}: {right}/{total} câu đúng ({percent}).</source>
        <translation>Saved {name}'s paper: {right}/{total} right ({percent}).</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="306" />
        <source>Đã nộp bản giấy</source>
        <translation>Handed in on paper</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="308" />
        <source>In bản thu hoạch để viết tay (PDF)…</source>
        <translation>Print forms to fill in by hand (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="311" />
        <source>Đánh dấu những đồng chí đã nộp bản thu hoạch và cam kết trên giấy:</source>
        <translation>Tick the members who handed in their form on paper:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="326" />
        <source>Chi bộ chưa có đảng viên nào.</source>
        <translation>The cell has no members yet.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="379" />
        <source>chờ nhập</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../gui/admin/paper_page.py" line="380" />
        <source>(để trống tên)</source>
        <translation>(blank copy)</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../gui/pdf_preview.py" line="133" />
        <source>Không in được</source>
        <translation>Could not print</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="133" />
        <source>Máy in không nhận lệnh in ({error}).</source>
        <translation>The printer did not accept the job ({error}).</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="145" />
        <source>Xem trước bản in</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="146" />
        <source>{pages} trang</source>
        <translation>{pages} page(s)</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="147" />
        <source>&amp;In...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="148" />
        <source>&amp;Lưu thành tệp PDF...</source>
        <translation>&amp;Save as PDF...</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="149" />
        <source>Đó&amp;ng</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="163" />
        <source>Không lưu được</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="164" />
        <source>Không ghi được tệp {path}.</source>
        <translation>Could not write the file {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="172" />
        <source>Lưu tệp PDF</source>
        <translation>Save PDF file</translation>
    </message>
    <message>
        <location filename="../../gui/pdf_preview.py" line="173" />
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PledgeEditor</name>
    <message>
        <location filename="../../gui/pledge_editor.py" line="142" />
        <source>Trả lời câu hỏi {number}</source>
        <translation>Answer to question {number}</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="194" />
        <source>Bản thu hoạch và cam kết đã hoàn thành nên không sửa được nữa. Muốn sửa, đề nghị bí thư chi bộ mở lại.</source>
        <translation>The reflection and commitment form is finished and can no longer be changed. To change it, ask the Party cell secretary to reopen it.</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="200" />
        <source>Bản nháp, tự động lưu (lần lưu gần nhất lúc {time}).</source>
        <translation>Draft, saved automatically (last saved at {time}).</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="202" />
        <source>Bản nháp: những gì đồng chí viết được tự động lưu.</source>
        <translation>Draft: everything you write is saved automatically.</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="210" />
        <location filename="../../gui/pledge_editor.py" line="213" />
        <source>Hoàn thành</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="211" />
        <source>Sau khi hoàn thành, bản thu hoạch và cam kết sẽ được khoá lại để nộp chi bộ. Đồng chí đồng ý?</source>
        <translation>Once finished, the form is locked to be handed to the Party cell. Do you agree?</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="214" />
        <source>Chưa</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="245" />
        <location filename="../../gui/pledge_editor.py" line="254" />
        <location filename="../../gui/pledge_editor.py" line="280" />
        <source>Đang tạo bản in...</source>
        <translation>Preparing the printout...</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="245" />
        <source>Đang dựng trang xem trước...</source>
        <translation>Drawing the preview pages...</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="284" />
        <source>Đã lưu tệp {path}.</source>
        <translation>Saved the file {path}.</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="292" />
        <source>Bản thu hoạch và đăng ký cam kết</source>
        <translation>Reflection and commitment form</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="293" />
        <source>I. Thu hoạch sau khi học tập</source>
        <translation>I. What I learned</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="294" />
        <source>II. Đăng ký cam kết (việc làm cụ thể)</source>
        <translation>II. My commitments (concrete actions)</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="295" />
        <source>Hoàn thành và khoá</source>
        <translation>Finish and lock</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="296" />
        <source>Xem trước và in</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <location filename="../../gui/pledge_editor.py" line="297" />
        <source>Lưu thành tệp PDF</source>
        <translation>Save as PDF</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../gui/admin/work.py" line="65" />
        <source>Dừng</source>
        <translation>Stop</translation>
    </message>
</context>
<context>
    <name>ProgressView</name>
    <message>
        <location filename="../../gui/progress_view.py" line="115" />
        <source>đang làm</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="117" />
        <source>Đạt</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="117" />
        <source>Chưa đạt</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="134" />
        <source>Đã học</source>
        <translation>Studied</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="134" />
        <source>Đã mở</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="135" />
        <source>{minutes} phút</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="147" />
        <source>Đã học {studied}/{total} phần. Đã làm {exams} bài kiểm tra.</source>
        <translation>Studied {studied}/{total} parts. Took {exams} exam(s).</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="151" />
        <source>Điểm cao nhất: {best}.</source>
        <translation>Best score: {best}.</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="152" />
        <source>Có {due} câu cần ôn tập hôm nay.</source>
        <translation>{due} question(s) due for review today.</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="173" />
        <location filename="../../gui/progress_view.py" line="182" />
        <source>Các lần làm bài</source>
        <translation>My attempts</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="174" />
        <source>Câu cần ôn tập hôm nay</source>
        <translation>Due for review today</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="175" />
        <location filename="../../gui/progress_view.py" line="184" />
        <source>Các phần đã học</source>
        <translation>Parts studied</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="177" />
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="177" />
        <source>Loại bài</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="177" />
        <source>Số câu đúng</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="177" />
        <source>Điểm</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="177" />
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="179" />
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="179" />
        <source>Đến hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="179" />
        <source>Số lần ôn</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="180" />
        <source>Phần</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="180" />
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="180" />
        <source>Thời gian đọc</source>
        <translation>Reading time</translation>
    </message>
    <message>
        <location filename="../../gui/progress_view.py" line="183" />
        <source>Câu cần ôn tập</source>
        <translation>Due for review</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="22" />
        <source>Loại câu hỏi</source>
        <translation>Question type</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="32" />
        <source>Mục của văn bản</source>
        <translation>Document section</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="33" />
        <source>Nội dung câu hỏi</source>
        <translation>Question text</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="34" />
        <source>Phương án hoặc đáp án, mỗi dòng một</source>
        <translation>Options or answers, one per line</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="37" />
        <source>Giải thích</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="40" />
        <source>&amp;Loại:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="41" />
        <source>&amp;Mục:</source>
        <translation>&amp;Section:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="42" />
        <source>&amp;Câu hỏi:</source>
        <translation>&amp;Question:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="43" />
        <source>&amp;Phương án:</source>
        <translation>&amp;Options:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="45" />
        <source>&amp;Giải thích:</source>
        <translation>&amp;Explanation:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="58" />
        <source>(không gắn với mục nào)</source>
        <translation>(not linked to a section)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="67" />
        <source>Mỗi dòng một phương án; đánh dấu * ở đầu dòng đáp án đúng.</source>
        <translation>One option per line; put * at the start of the correct answer.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="68" />
        <source>Mỗi dòng một phương án; đánh dấu * ở đầu mọi dòng đáp án đúng.</source>
        <translation>One option per line; put * at the start of every correct answer.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="69" />
        <source>Hai dòng “Đúng” và “Sai”; đánh dấu * ở dòng đúng.</source>
        <translation>Two lines, “Đúng” (true) and “Sai” (false); put * on the correct one.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="70" />
        <source>Mỗi dòng một cách điền được chấp nhận.</source>
        <translation>One accepted answer per line.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/question_editor.py" line="71" />
        <source>Mỗi dòng một cặp: vế trái = vế phải.</source>
        <translation>One pair per line: left side = right side.</translation>
    </message>
</context>
<context>
    <name>QuestionNavigator</name>
    <message>
        <location filename="../../gui/exam_navigator.py" line="56" />
        <source>đã trả lời</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="56" />
        <source>chưa trả lời</source>
        <translation>not answered</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="58" />
        <source>đánh dấu xem lại</source>
        <translation>flagged</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="60" />
        <source>đang xem</source>
        <translation>shown now</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="61" />
        <source>Câu {number}: {states}</source>
        <translation>Question {number}: {states}</translation>
    </message>
</context>
<context>
    <name>QuestionWidget</name>
    <message>
        <location filename="../../gui/question_widgets.py" line="224" />
        <source>Đúng!</source>
        <translation>Correct!</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="224" />
        <source>Chưa đúng.</source>
        <translation>Not correct.</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="227" />
        <source>Đáp án: {key}</source>
        <translation>Answer: {key}</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="242" />
        <source>Chọn một đáp án (phím 1–4 hoặc A–D).</source>
        <translation>Choose one answer (keys 1–4 or A–D).</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="243" />
        <source>Chọn Đúng hoặc Sai (phím 1 hoặc 2).</source>
        <translation>Choose True or False (key 1 or 2).</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="244" />
        <source>Chọn tất cả đáp án đúng (phím 1–4 hoặc A–D để chọn/bỏ).</source>
        <translation>Choose every correct answer (keys 1–4 or A–D toggle).</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="245" />
        <source>Gõ câu trả lời vào ô dưới đây (không cần dấu).</source>
        <translation>Type your answer in the box below (accents are optional).</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="246" />
        <source>Ghép mỗi dòng bên trái với một mục ở danh sách bên phải.</source>
        <translation>Match each line on the left with an item from the list on the right.</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="249" />
        <source>Câu hỏi</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="251" />
        <source>Câu trả lời</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="252" />
        <source>Câu trả lời của đồng chí</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <location filename="../../gui/question_widgets.py" line="253" />
        <source>Xem trong văn bản</source>
        <translation>Show in the text</translation>
    </message>
</context>
<context>
    <name>QuizMode</name>
    <message>
        <location filename="../../gui/quiz_start.py" line="20" />
        <source>Bài kiểm tra</source>
        <translation>Exam</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="21" />
        <source>Luyện tập</source>
        <translation>Practice</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="22" />
        <source>Luyện tập theo phần</source>
        <translation>Practice by part</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="23" />
        <source>Ôn tập</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="24" />
        <source>Bài kiểm tra trên giấy</source>
        <translation>Quiz on paper</translation>
    </message>
</context>
<context>
    <name>QuizPanel</name>
    <message>
        <location filename="../../gui/quiz_panel.py" line="166" />
        <source>Hôm nay không có câu nào cần ôn tập.</source>
        <translation>Nothing is due for review today.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="247" />
        <source>Xem lại và nộp bài ▶</source>
        <translation>Review and submit ▶</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="248" />
        <source>Xem lại và nộp bài</source>
        <translation>Review and submit</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="339" />
        <source>{mode} — Câu {number}/{total}</source>
        <translation>{mode} — Question {number}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="345" />
        <source>Đã trả lời {answered}/{total} câu</source>
        <translation>Answered {answered}/{total}</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="346" />
        <source> · {flagged} câu đánh dấu</source>
        <translation> · {flagged} flagged</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="361" />
        <source>Thời gian còn lại: {minutes} phút {seconds:02d} giây</source>
        <translation>Time left: {minutes} min {seconds:02d} s</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="370" />
        <source>Đồng chí đã trả lời tất cả các câu. Nộp bài bây giờ?</source>
        <translation>You have answered every question. Submit now?</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="372" />
        <source>Còn {missing} câu chưa trả lời. Đồng chí vẫn muốn nộp bài?</source>
        <translation>{missing} question(s) are still unanswered. Submit anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="375" />
        <location filename="../../gui/quiz_panel.py" line="378" />
        <source>Nộp bài</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="379" />
        <source>Làm tiếp</source>
        <translation>Keep working</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="418" />
        <source>Hết giờ</source>
        <translation>Time is up</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="474" />
        <source>◀ Câu &amp;trước</source>
        <translation>◀ &amp;Previous</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="475" />
        <source>Câu trước</source>
        <translation>Previous question</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="476" />
        <source>⚑ Đánh &amp;dấu xem lại</source>
        <translation>⚑ &amp;Flag for later</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="477" />
        <source>Đánh dấu để xem lại</source>
        <translation>Flag to come back later</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="479" />
        <source>&amp;Nộp bài…</source>
        <translation>&amp;Submit…</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="480" />
        <source>Xem các câu chưa trả lời, rồi nộp bài</source>
        <translation>See the unanswered questions, then submit</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="247" />
        <source>Câu &amp;sau ▶</source>
        <translation>&amp;Next ▶</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="248" />
        <source>Câu sau</source>
        <translation>Next question</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="483" />
        <source>Phím tắt: 1–4 hoặc A–D chọn đáp án; Enter hoặc Page Down: câu sau; Page Up: câu trước; Tab: chuyển giữa các nút.</source>
        <translation>Keys: 1–4 or A–D choose an answer; Enter or Page Down: next; Page Up: previous; Tab: move between buttons.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_panel.py" line="487" />
        <source>Tiến độ làm bài</source>
        <translation>Quiz progress</translation>
    </message>
</context>
<context>
    <name>QuizSettingsPage</name>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="54" />
        <location filename="../../gui/admin/quiz_settings_page.py" line="76" />
        <source>Cài đặt bài kiểm tra</source>
        <translation>Exam settings</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="59" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="71" />
        <source>Lưu cài đặt</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="79" />
        <source>Quy định làm bài</source>
        <translation>Exam rules</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="86" />
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="87" />
        <location filename="../../gui/admin/quiz_settings_page.py" line="96" />
        <source>Không giới hạn</source>
        <translation>No limit</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="99" />
        <source>Lần có điểm cao nhất</source>
        <translation>Best attempt</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="100" />
        <source>Lần làm cuối cùng</source>
        <translation>Last attempt</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="103" />
        <source>ngày/tháng/năm, để trống nếu không có hạn</source>
        <translation>dd/mm/yyyy, leave empty for no deadline</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="109" />
        <source>Số &amp;câu hỏi:</source>
        <translation>Number of &amp;questions:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="109" />
        <source>Số câu hỏi mỗi bài</source>
        <translation>Questions per exam</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="110" />
        <source>&amp;Thời gian làm bài:</source>
        <translation>&amp;Time allowed:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="110" />
        <source>Thời gian làm bài</source>
        <translation>Time allowed</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="111" />
        <source>Điểm đạ&amp;t:</source>
        <translation>Pass &amp;mark:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="111" />
        <source>Điểm đạt</source>
        <translation>Pass mark</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="112" />
        <source>Số lần được &amp;làm:</source>
        <translation>&amp;Attempts allowed:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="112" />
        <source>Số lần được làm bài</source>
        <translation>Attempts allowed</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="113" />
        <source>Tính &amp;điểm theo:</source>
        <translation>&amp;Score from:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="113" />
        <source>Lần làm bài được tính điểm</source>
        <translation>Attempt that counts</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="114" />
        <source>&amp;Hạn hoàn thành:</source>
        <translation>Dead&amp;line:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="114" />
        <location filename="../../gui/admin/quiz_settings_page.py" line="206" />
        <source>Hạn hoàn thành</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="123" />
        <source>Nội dung bài</source>
        <translation>Exam content</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="130" />
        <source>Tỉ lệ câu hỏi loại {0}</source>
        <translation>Share of question type: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="138" />
        <source>Các phần của văn bản đưa vào bài; không chọn phần nào là lấy tất cả</source>
        <translation>Parts of the document used in the exam; none ticked means all</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="141" />
        <source>Tỉ lệ các loại câu hỏi (0 là không dùng):</source>
        <translation>Mix of question types (0 means not used):</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="143" />
        <source>Các phần đưa vào bài (không đánh dấu phần nào là lấy tất cả):</source>
        <translation>Parts used in the exam (none ticked means all):</translation>
    </message>
    <message>
        <location filename="../../gui/admin/quiz_settings_page.py" line="229" />
        <source>Đã lưu cài đặt bài kiểm tra.</source>
        <translation>Exam settings saved.</translation>
    </message>
</context>
<context>
    <name>QuizStartPage</name>
    <message>
        <location filename="../../gui/quiz_start.py" line="116" />
        <source>Để làm bài, đồng chí hãy chọn tên của mình ở màn hình đầu (menu Tệp → Đổi người dùng).</source>
        <translation>To take a quiz, choose your name on the start screen (File → Switch user).</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="118" />
        <source>Bài kiểm tra gồm {count} câu</source>
        <translation>The exam has {count} questions</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="120" />
        <source>làm trong {minutes} phút</source>
        <translation>to answer in {minutes} minutes</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="121" />
        <source>đạt từ {mark} % trở lên</source>
        <translation>pass mark {mark} %</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="125" />
        <source>Còn {left} lượt làm bài.</source>
        <translation>{left} attempt(s) left.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="127" />
        <source>Hạn cuối: {date}.</source>
        <translation>Deadline: {date}.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="136" />
        <source>Làm bài</source>
        <translation>Quiz</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="147" />
        <source>Bắt đầu bài kiểm tra</source>
        <translation>Start the exam</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="148" />
        <source>Luyện tập (biết ngay đúng sai)</source>
        <translation>Practice (instant feedback)</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="149" />
        <source>Luyện tập phần đang đọc</source>
        <translation>Practise the part I am reading</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="150" />
        <source>Ôn tập ({due} câu đến hạn)</source>
        <translation>Review ({due} due)</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="159" />
        <source>Đồng chí còn một bài làm dở ({mode}, đã trả lời {answered}/{total} câu). Các câu trả lời vẫn còn nguyên.</source>
        <translation>You have an unfinished quiz ({mode}, {answered}/{total} answered). Your answers are kept.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="163" />
        <source>Làm tiếp bài đang dở</source>
        <translation>Continue the unfinished quiz</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="173" />
        <source>Ôn tập hỏi lại những ý đồng chí từng trả lời chưa đúng, đúng lúc sắp quên.</source>
        <translation>Review asks again what you got wrong, just before you would forget it.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="181" />
        <source>Ôn tập hỏi lại những ý đồng chí từng trả lời chưa đúng. Hãy làm bài kiểm tra hoặc luyện tập trước.</source>
        <translation>Review asks again what you got wrong. Take the exam or practise first.</translation>
    </message>
    <message>
        <location filename="../../gui/quiz_start.py" line="187" />
        <source>Hôm nay chưa có câu cần ôn. {count} câu đến hạn ngày {date}.</source>
        <translation>Nothing to review today. {count} questions are due on {date}.</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../gui/reader.py" line="239" />
        <source>đã học</source>
        <translation>studied</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="241" />
        <source>có đánh dấu trang</source>
        <translation>bookmarked</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="431" />
        <source>{count} kết quả</source>
        <translation>{count} found</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="433" />
        <source>Không tìm thấy</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="447" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="448" />
        <source>Các phần của văn bản</source>
        <translation>Parts of the document</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="449" />
        <source>&amp;Tìm:</source>
        <translation>&amp;Find:</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="450" />
        <source>Tìm trong văn bản (Ctrl+F), không cần dấu</source>
        <translation>Find in the text (Ctrl+F), accents optional</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="451" />
        <source>Tìm trong văn bản</source>
        <translation>Find in text</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="452" />
        <location filename="../../gui/reader.py" line="453" />
        <source>Kết quả trước</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="454" />
        <source>Kết quả sau</source>
        <translation>Next match</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="455" />
        <source>Kết quả sau (Enter)</source>
        <translation>Next match (Enter)</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="456" />
        <source>Nội dung văn bản</source>
        <translation>Document text</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="457" />
        <source>Đã học xong phần này</source>
        <translation>I have studied this part</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="458" />
        <source>Đánh dấu trang</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="459" />
        <source>Ghi chú của tôi</source>
        <translation>My notes</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="460" />
        <source>Hiện các ý có câu hỏi</source>
        <translation>Show the facts that have questions</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="461" />
        <source>Gạch chấm dưới những câu trong văn bản có câu hỏi kiểm tra</source>
        <translation>Dotted underline under the sentences that have quiz questions</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="462" />
        <source>(gạch chấm dưới câu)</source>
        <translation>(dotted underline)</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="464" />
        <source>Gạch chấm dưới: ý có câu hỏi · nền vàng: kết quả tìm · nền xanh: câu nguồn của câu hỏi</source>
        <translation>Dotted underline: has a question · yellow: search hit · green: a question's source sentence</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="466" />
        <source>Ghi chú cho phần này</source>
        <translation>Notes on this part</translation>
    </message>
    <message>
        <location filename="../../gui/reader.py" line="467" />
        <source>Ghi chú riêng của đồng chí cho phần này (tự động lưu).</source>
        <translation>Your private notes on this part (saved automatically).</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="32" />
        <source>Báo cáo và in ấn</source>
        <translation>Reports and printing</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="37" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="49" />
        <source>Tiến độ in</source>
        <translation>Printing progress</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="56" />
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="68" />
        <source>Báo cáo tổng hợp kết quả học tập</source>
        <translation>Study results summary report</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="69" />
        <source>Phạm vi báo cáo</source>
        <translation>Report scope</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="70" />
        <source>Lưu báo cáo PDF…</source>
        <translation>Save PDF report…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="71" />
        <source>Lưu báo cáo Excel…</source>
        <translation>Save Excel report…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="75" />
        <source>&amp;Phạm vi:</source>
        <translation>&amp;Scope:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="82" />
        <source>Theo từng chi bộ và toàn đơn vị: số đảng viên đã học, đã làm bài, đạt, đã cam kết; biểu đồ; </source>
        <translation>For each Party cell and the whole unit: members who studied, took the exam, passed and made commitments; a chart; </translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="83" />
        <source>danh sách chưa hoàn thành đúng hạn; các câu hỏi khó nhất.</source>
        <translation>who has not finished by the deadline; the hardest questions.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="92" />
        <source>Bản thu hoạch và cam kết</source>
        <translation>Reflections and commitment plans</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="93" />
        <source>Chi bộ cần in</source>
        <translation>Party cell to print</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="94" />
        <source>In cả chi bộ ra một tệp PDF…</source>
        <translation>Print the whole Party cell to one PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="96" />
        <source>Đảng viên cần in</source>
        <translation>Party member to print</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="97" />
        <source>Lưu bản của đảng viên (PDF)…</source>
        <translation>Save the member's form (PDF)…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="102" />
        <source>&amp;Chi bộ:</source>
        <translation>Party &amp;cell:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="103" />
        <source>Đảng &amp;viên:</source>
        <translation>Party &amp;member:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="125" />
        <source>Toàn đơn vị</source>
        <translation>Whole unit</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="152" />
        <source>Lưu tệp</source>
        <translation>Save file</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="203" />
        <source>Đang tạo tệp…</source>
        <translation>Creating the file…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="210" />
        <source>Tệp đang được ghi, không dừng được nữa; xin chờ giây lát.</source>
        <translation>The file is being written and can no longer be stopped; please wait a moment.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="217" />
        <source>Đã lưu {0}.</source>
        <translation>Saved {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/reports_page.py" line="205" />
        <source>Đã dừng; chưa có tệp nào được ghi.</source>
        <translation>Stopped; no file was written.</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../gui/admin/results_page.py" line="39" />
        <source>Gói kết quả (*.nqpkg)</source>
        <translation>Results packages (*.nqpkg)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="47" />
        <source>Tổng hợp kết quả giữa các máy</source>
        <translation>Combine results from several computers</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="57" />
        <source>Tiến độ</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="63" />
        <source>Tổng hợp kết quả</source>
        <translation>Combine results</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="66" />
        <location filename="../../gui/admin/results_page.py" line="70" />
        <source>Khoá chung của đơn vị</source>
        <translation>Shared unit key</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="67" />
        <source>Khoá chung giống nhau trên mọi máy của đơn vị.</source>
        <translation>The shared key is the same on every computer of the unit.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="72" />
        <source>Đặt khoá</source>
        <translation>Set key</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="85" />
        <source>Gửi kết quả của máy này (ra USB)</source>
        <translation>Send this computer's results (to a USB drive)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="88" />
        <source>Chi bộ cần xuất</source>
        <translation>Party cell to export</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="89" />
        <source>Kèm cả văn bản nghị quyết</source>
        <translation>Include the resolution document</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="90" />
        <source>Xuất gói kết quả…</source>
        <translation>Export results package…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="102" />
        <source>Nhận kết quả từ các máy khác</source>
        <translation>Receive results from other computers</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="103" />
        <source>Chọn gói kết quả…</source>
        <translation>Choose results packages…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="105" />
        <source>Gộp vào dữ liệu</source>
        <translation>Merge into the data</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="110" />
        <source>Nội dung các gói và kết quả gộp</source>
        <translation>Package contents and merge results</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="116" />
        <source>Đảng viên trùng họ tên và ngày sinh: đánh dấu nếu là cùng một người</source>
        <translation>Party members with the same name and date of birth: tick if they are the same person</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="122" />
        <source>Trùng họ tên và ngày sinh — đánh dấu nếu là cùng một người:</source>
        <translation>Same name and date of birth — tick if they are the same person:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="145" />
        <source>Mã nhận diện khoá: {0}</source>
        <translation>Key fingerprint: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="145" />
        <source>Chưa đặt khoá.</source>
        <translation>No key set.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="151" />
        <source>Mọi chi bộ trên máy này</source>
        <translation>Every Party cell on this computer</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="170" />
        <source>Đã đặt khoá; mã nhận diện {0} phải giống nhau trên mọi máy.</source>
        <translation>Key set; its fingerprint {0} must be the same on every computer.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="178" />
        <source>Lưu gói kết quả</source>
        <translation>Save results package</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="185" />
        <source>Chọn các gói kết quả</source>
        <translation>Choose results packages</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="206" />
        <source>Đang xuất…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="211" />
        <source>Đã xuất {0}: {1} đảng viên, {2} bài làm, {3} bản cam kết.</source>
        <translation>Exported {0}: {1} members, {2} attempts, {3} commitment plans.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="232" />
        <source>Đang đọc các gói…</source>
        <translation>Reading the packages…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="240" />
        <location filename="../../gui/admin/results_page.py" line="290" />
        <source>✗ {0}: {1}</source>
        <translation>✗ {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="242" />
        <source>{0} đảng viên mới, {1} đã có</source>
        <translation>{0} new members, {1} already known</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="245" />
        <source>• {0} — từ {1}: {2}.</source>
        <translation>• {0} — from {1}: {2}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="247" />
        <source>   Gói này đã được gộp trước đây; gộp lại không thay đổi gì.</source>
        <translation>   This package was merged before; merging it again changes nothing.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="254" />
        <source>{0} ({1}, sinh {2}) ↔ {3} ({4})</source>
        <translation>{0} ({1}, born {2}) ↔ {3} ({4})</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="275" />
        <source>Đang gộp kết quả…</source>
        <translation>Merging results…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="281" />
        <source>Kết quả gộp (thêm / cập nhật / bỏ qua / từ chối):</source>
        <translation>Merge result (added / updated / skipped / refused):</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="288" />
        <source>✓ {0} – {1}</source>
        <translation>✓ {0} – {1}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="296" />
        <source>Đã gộp xong, có phần bị từ chối; xem chi tiết bên dưới.</source>
        <translation>Merge finished, but some items were refused; see the details below.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/results_page.py" line="298" />
        <source>Đã gộp xong các gói kết quả.</source>
        <translation>The results packages have been merged.</translation>
    </message>
</context>
<context>
    <name>ResultsView</name>
    <message>
        <location filename="../../gui/results_view.py" line="73" />
        <source>Đang tải kết quả…</source>
        <translation>Loading the results…</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="95" />
        <source>Kết quả: {mode}</source>
        <translation>Result: {mode}</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="96" />
        <source>ĐẠT</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="96" />
        <source>CHƯA ĐẠT</source>
        <translation>NOT PASSED</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="98" />
        <source>Đúng {correct}/{total} câu — {percent} (cần {mark} để đạt).</source>
        <translation>{correct}/{total} correct — {percent} ({mark} needed to pass).</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="105" />
        <source>Bài được nộp tự động khi hết giờ.</source>
        <translation>Submitted automatically when time ran out.</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="110" />
        <source>Luyện lại {count} câu chưa đúng</source>
        <translation>Practise the {count} missed questions</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="113" />
        <source>Xem lại từng câu</source>
        <translation>Review each question</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="129" />
        <source>(Không rõ phần)</source>
        <translation>(Unknown part)</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="136" />
        <source>{section}: {percent}</source>
        <translation>{section}: {percent}</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="149" />
        <source>Câu {number}</source>
        <translation>Question {number}</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="155" />
        <source>(chưa trả lời)</source>
        <translation>(not answered)</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="156" />
        <source>Đồng chí trả lời: {answer}</source>
        <translation>Your answer: {answer}</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="158" />
        <source>Đáp án đúng: {key}</source>
        <translation>Correct answer: {key}</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="166" />
        <source>Xem trong văn bản</source>
        <translation>Show in the text</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="167" />
        <source>Xem câu {number} trong văn bản</source>
        <translation>Show question {number} in the text</translation>
    </message>
    <message>
        <location filename="../../gui/results_view.py" line="187" />
        <source>Xong, quay lại</source>
        <translation>Done, go back</translation>
    </message>
</context>
<context>
    <name>SectionEditor</name>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="28" />
        <source>Các mục của văn bản</source>
        <translation>Document sections</translation>
    </message>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="29" />
        <source>Tên mục</source>
        <translation>Section title</translation>
    </message>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="29" />
        <source>Độ dài (ký tự)</source>
        <translation>Length (characters)</translation>
    </message>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="33" />
        <source>Tên mới của mục đang chọn</source>
        <translation>New title for the selected section</translation>
    </message>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="35" />
        <source>Đổi tên mục</source>
        <translation>Rename section</translation>
    </message>
    <message>
        <location filename="../../gui/admin/section_editor.py" line="36" />
        <source>Gộp với mục sau</source>
        <translation>Merge with next section</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="57" />
        <location filename="../../gui/admin/settings_page.py" line="69" />
        <source>Cài đặt chung</source>
        <translation>General settings</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="72" />
        <source>Cơ sở dữ liệu của máy này</source>
        <translation>This computer's database</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="78" />
        <source>Địa chỉ cơ sở dữ liệu dùng từ lần mở sau</source>
        <translation>Database address used from the next start</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="79" />
        <source>Để trống: tệp dữ liệu mặc định trên máy này</source>
        <translation>Leave empty: this computer's default data file</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="80" />
        <source>Chọn tệp…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="82" />
        <source>Lưu địa chỉ</source>
        <translation>Save address</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="87" />
        <source>Đơn vị có máy chủ trong mạng nội bộ có thể nhập địa chỉ PostgreSQL, ví dụ postgresql://nguoidung:matkhau@maychu/hoctap. Thay đổi có hiệu lực khi mở lại chương trình.</source>
        <translation>A unit with a server on its local network can enter a PostgreSQL address, for example postgresql://user:password@server/hoctap. The change takes effect when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="101" />
        <source>Thông tin in trên bản thu hoạch và báo cáo</source>
        <translation>Details printed on the forms and reports</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="102" />
        <source>Địa danh</source>
        <translation>Place name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="102" />
        <source>ví dụ: Hạ Long</source>
        <translation>for example: Hạ Long</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="103" />
        <source>Đảng bộ cấp trên</source>
        <translation>Higher-level Party committee</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="104" />
        <source>Tên chi bộ hoặc đảng bộ</source>
        <translation>Name of the party cell or committee</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="106" />
        <source>Hạn nộp bản thu hoạch, cam kết</source>
        <translation>Deadline for handing in reflections and pledges</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="106" />
        <source>ngày/tháng/năm</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="110" />
        <source>Câu hỏi thu hoạch, mỗi dòng một câu</source>
        <translation>Reflection questions, one per line</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="115" />
        <source>Cách in biểu mẫu</source>
        <translation>How the forms are printed</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="116" />
        <source>Một bản chung: thu hoạch và cam kết</source>
        <translation>One combined form: reflection and commitments</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="117" />
        <source>Hai bản riêng: bản thu hoạch, bản cam kết</source>
        <translation>Two separate forms: reflection, commitment plan</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="118" />
        <source>Lưu thông tin biểu mẫu</source>
        <translation>Save form details</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="122" />
        <source>Đị&amp;a danh:</source>
        <translation>&amp;Place name:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="123" />
        <source>Đảng &amp;bộ cấp trên:</source>
        <translation>Higher-level Party &amp;committee:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="124" />
        <source>Tên chi bộ (đả&amp;ng bộ):</source>
        <translation>Party cell (committee) &amp;name:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="125" />
        <source>Hạn nộp thu hoạch, cam &amp;kết:</source>
        <translation>Deadline for reflections and p&amp;ledges:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="126" />
        <source>Câu hỏi &amp;thu hoạch
(mỗi dòng một câu):</source>
        <translation>&amp;Reflection questions
(one per line):</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="127" />
        <source>Cách &amp;in:</source>
        <translation>&amp;Form layout:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="133" />
        <source>Hiển thị trên máy này</source>
        <translation>Display on this computer</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="136" />
        <source>Ngôn ngữ giao diện</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="141" />
        <source>Cỡ chữ</source>
        <translation>Text size</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="144" />
        <source>Áp dụng</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="147" />
        <source>&amp;Ngôn ngữ:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="148" />
        <source>Cỡ &amp;chữ:</source>
        <translation>Text si&amp;ze:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="154" />
        <source>Mật khẩu quản trị</source>
        <translation>Admin password</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="155" />
        <source>Mật khẩu hiện tại</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="156" />
        <source>Mật khẩu mới</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="156" />
        <source>ít nhất 6 ký tự</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="159" />
        <source>Đổi mật khẩu</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="162" />
        <source>Mật khẩu &amp;hiện tại:</source>
        <translation>C&amp;urrent password:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="163" />
        <source>Mật khẩu &amp;mới:</source>
        <translation>N&amp;ew password:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="180" />
        <source>Đang dùng: {0}</source>
        <translation>In use: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="201" />
        <source>Hạn nộp thu hoạch, cam kết</source>
        <translation>Deadline for reflections and pledges</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="211" />
        <source>Xin nhập {0}: phần đầu của giấy tờ in cần có.</source>
        <translation>Please enter {0}: the printed heading needs it.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="214" />
        <source>Cần ít nhất một câu hỏi thu hoạch.</source>
        <translation>At least one reflection question is needed.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="226" />
        <source>Đã lưu thông tin biểu mẫu.</source>
        <translation>Form details saved.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="238" />
        <source>Đã áp dụng cỡ chữ và ngôn ngữ trên máy này.</source>
        <translation>Font size and language applied on this computer.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="243" />
        <source>Đã đổi mật khẩu quản trị.</source>
        <translation>The admin password has been changed.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="250" />
        <source>Đã lưu địa chỉ cơ sở dữ liệu; hãy mở lại chương trình để dùng.</source>
        <translation>Database address saved; restart the program to use it.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="255" />
        <source>Chọn tệp dữ liệu</source>
        <translation>Choose a data file</translation>
    </message>
    <message>
        <location filename="../../gui/admin/settings_page.py" line="255" />
        <source>Tệp dữ liệu (*.sqlite3)</source>
        <translation>Data files (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../../gui/start_screen.py" line="263" />
        <source>(chờ duyệt)</source>
        <translation>(awaiting approval)</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="291" />
        <source>(Chưa chọn chi bộ)</source>
        <translation>(No Party cell chosen)</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="305" />
        <source>Đồng chí {name}, xin nhập mã PIN:</source>
        <translation>{name}, please enter your PIN:</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="341" />
        <source>Chờ duyệt</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="343" />
        <source>Đã thêm tên của đồng chí, đang chờ bí thư chi bộ duyệt. Đồng chí vẫn học và làm bài được; kết quả được tính vào báo cáo của chi bộ khi đã được duyệt.</source>
        <translation>Your name was added and awaits the cell secretary's approval. You can study and take quizzes now; your results count in the cell's reports once approved.</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="365" />
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="384" />
        <source>Học tập Nghị quyết</source>
        <translation>Resolution Study</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="385" />
        <source>Đang mở dữ liệu, xin chờ trong giây lát…</source>
        <translation>Opening the data, please wait a moment…</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="386" />
        <source>&amp;Tìm tên của đồng chí (gõ vài chữ, không cần dấu):</source>
        <translation>&amp;Find your name (type a few letters, accents optional):</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="387" />
        <source>Ví dụ: nguyen van</source>
        <translation>For example: nguyen van</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="388" />
        <source>Tìm tên</source>
        <translation>Find name</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="389" />
        <source>Danh sách đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="390" />
        <source>Vào học</source>
        <translation>Start studying</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="391" />
        <source>Thêm tên của tôi</source>
        <translation>Add my name</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="392" />
        <source>Chỉ đọc văn bản</source>
        <translation>Read only</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="393" />
        <source>Quản trị (bí thư)</source>
        <translation>Administration (secretary)</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="394" />
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="395" />
        <location filename="../../gui/start_screen.py" line="405" />
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="397" />
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="398" />
        <source>Thêm tên mới</source>
        <translation>Add a new name</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="399" />
        <source>&amp;Họ và tên:</source>
        <translation>&amp;Full name:</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="400" />
        <source>&amp;Chi bộ:</source>
        <translation>Party &amp;cell:</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="401" />
        <source>&amp;Mã PIN (không bắt buộc, 6–12 chữ số hoặc một cụm từ):</source>
        <translation>&amp;PIN (optional, 6–12 digits or a phrase):</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="402" />
        <source>Thêm và vào học</source>
        <translation>Add and start studying</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="403" />
        <source>&amp;Mật khẩu quản trị:</source>
        <translation>Administrator &amp;password:</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="404" />
        <source>Mật khẩu quản trị</source>
        <translation>Admin password</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="407" />
        <source>Lần đầu sử dụng: bí thư chi bộ hãy tạo mật khẩu quản trị (ít nhất 6 ký tự).</source>
        <translation>First start: the Party cell secretary creates the administrator password (at least 6 characters).</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="409" />
        <source>Mật khẩu quản trị mới</source>
        <translation>New administrator password</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="410" />
        <source>&amp;Nhập lại mật khẩu:</source>
        <translation>&amp;Repeat the password:</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="411" />
        <source>Nhập lại mật khẩu</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../gui/start_screen.py" line="412" />
        <source>Tạo mật khẩu</source>
        <translation>Create password</translation>
    </message>
</context>
<context>
    <name>SubmitSummary</name>
    <message>
        <location filename="../../gui/exam_navigator.py" line="127" />
        <source>Xem lại bài làm trước khi nộp</source>
        <translation>Check your answers before submitting</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="128" />
        <source>◀ Quay lại làm bài</source>
        <translation>◀ Back to the questions</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="129" />
        <source>Nộp bài</source>
        <translation>Submit</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="130" />
        <source>Bấm vào số câu để quay lại câu đó.</source>
        <translation>Click a question number to go back to it.</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="135" />
        <source>Đồng chí đã trả lời {answered}/{total} câu.</source>
        <translation>You answered {answered}/{total} questions.</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="142" />
        <source>Chưa trả lời ({count} câu): câu {numbers}.</source>
        <translation>Not answered ({count}): questions {numbers}.</translation>
    </message>
    <message>
        <location filename="../../gui/exam_navigator.py" line="149" />
        <source>Đánh dấu xem lại ({count} câu): câu {numbers}.</source>
        <translation>Flagged ({count}): questions {numbers}.</translation>
    </message>
</context>
<context>
    <name>TaskStatus</name>
    <message>
        <location filename="../../gui/task_status.py" line="49" />
        <source>Huỷ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/task_status.py" line="50" />
        <source>Huỷ việc đang chạy</source>
        <translation>Cancel the running task</translation>
    </message>
    <message>
        <location filename="../../gui/task_status.py" line="51" />
        <source>Tiến độ công việc</source>
        <translation>Task progress</translation>
    </message>
</context>
<context>
    <name>UnitProgressPage</name>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="36" />
        <source>Tiến độ học tập của đơn vị</source>
        <translation>The unit's study progress</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="40" />
        <source>Cập nhật số liệu</source>
        <translation>Refresh figures</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="43" />
        <source>&amp;Văn bản:</source>
        <translation>&amp;Document:</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="55" />
        <source>Tiến độ theo chi bộ</source>
        <translation>Progress by Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="58" />
        <source>Biểu đồ tiến độ theo chi bộ</source>
        <translation>Chart of progress by Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="60" />
        <location filename="../../gui/admin/unit_progress_page.py" line="62" />
        <source>Đảng viên chưa hoàn thành bài kiểm tra</source>
        <translation>Party members who have not completed the exam</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="76" />
        <source>Tiến độ đơn vị</source>
        <translation>Unit progress</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="88" />
        <location filename="../../gui/admin/unit_progress_page.py" line="106" />
        <source>Chi bộ</source>
        <translation>Party cell</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="89" />
        <source>Đảng viên</source>
        <translation>Party members</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="90" />
        <location filename="../../gui/admin/unit_progress_page.py" line="144" />
        <source>Đã học xong</source>
        <translation>Finished studying</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="91" />
        <location filename="../../gui/admin/unit_progress_page.py" line="144" />
        <source>Đã làm bài</source>
        <translation>Took the exam</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="92" />
        <location filename="../../gui/admin/unit_progress_page.py" line="144" />
        <source>Đạt</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="93" />
        <location filename="../../gui/admin/unit_progress_page.py" line="144" />
        <source>Đã cam kết</source>
        <translation>Committed</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="94" />
        <source>Điểm trung bình</source>
        <translation>Average score</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="96" />
        <source>Chưa xong đúng hạn</source>
        <translation>Not done by deadline</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="105" />
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="108" />
        <source>Mục đã học</source>
        <translation>Sections studied</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="114" />
        <source>Số lần làm bài</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="131" />
        <source>Chưa có văn bản nào; hãy nhập văn bản Nghị quyết trước.</source>
        <translation>No documents yet; import the resolution document first.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="153" />
        <source>Hạn hoàn thành: {0}.</source>
        <translation>Deadline: {0}.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="155" />
        <source>Chưa đặt hạn hoàn thành.</source>
        <translation>No deadline set.</translation>
    </message>
    <message>
        <location filename="../../gui/admin/unit_progress_page.py" line="158" />
        <source>{0}: {1} đảng viên, đã làm bài {2}, đạt {3}. {4}</source>
        <translation>{0}: {1} members, {2} took the exam, {3} passed. {4}</translation>
    </message>
</context>
<context>
    <name>application</name>
    <message>
        <location filename="../../gui/application.py" line="26" />
        <source>Học tập Nghị quyết</source>
        <translation>Resolution Study</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="36" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="64" />
        <source>Có</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="65" />
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79" />
        <source>Đã xảy ra lỗi không mong đợi. Chi tiết đã được ghi vào nhật ký; xin thử lại hoặc báo bí thư chi bộ.</source>
        <translation>Something unexpected went wrong. The details are in the log; please try again or tell the Party cell secretary.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="85" />
        <source>Không thực hiện được</source>
        <translation>Could not do that</translation>
    </message>
</context>
</TS>