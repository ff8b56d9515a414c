/**
 * A compact emoji set for the picker: the common ones in eight groups, each with English, Chinese and
 * Korean keywords for search. One line per emoji: `emoji english words|中文|한국어`; groups start with `#`.
 */
const DATA = `#smileys
😀 grin smile happy|笑 开心 高兴|웃음 행복 미소
😃 smile happy joy|笑 开心|웃음 기쁨
😄 laugh smile happy|大笑 开心|웃음 기쁨
😁 grin beam|咧嘴 笑|활짝 웃음
😆 laugh lol|大笑 哈哈|ㅋㅋ 웃음
😅 sweat smile relief|汗 尴尬|땀 안도
🤣 rofl laugh|笑哭 哈哈|빵터짐 웃음
😂 joy tears laugh|笑哭 哭笑|눈물 웃음 ㅋㅋ
🙂 slight smile|微笑|미소
🙃 upside down silly|倒脸 调皮|거꾸로
😉 wink|眨眼|윙크
😊 blush smile|害羞 微笑|수줍음 미소
😇 angel innocent|天使 无辜|천사
🥰 love hearts adore|爱 喜欢|사랑 하트
😍 heart eyes love|花痴 喜欢|하트눈 사랑
🤩 star struck wow|崇拜 星星眼|반함 별
😘 kiss|飞吻 亲亲|뽀뽀 키스
😋 yum tasty|好吃 馋|맛있다 냠냠
😛 tongue|吐舌|메롱
😜 wink tongue crazy|调皮|장난
🤪 zany crazy|疯狂|정신없음
🤗 hug|拥抱|포옹 안아줘
🤭 oops giggle|捂嘴笑|킥킥
🤫 shush quiet|嘘 安静|쉿 조용
🤔 think hmm|思考 想想|생각 음
🤐 zipper mouth secret|闭嘴|비밀 입다물기
😐 neutral meh|无语 面无表情|무표정
😑 expressionless|无语|무표정
😶 speechless|沉默|말없음
😏 smirk|得意 坏笑|능글
😒 unamused|不爽 无聊|시큰둥
🙄 eye roll|白眼|눈굴림
😬 grimace awkward|尴尬|어색
😌 relieved calm|放松 欣慰|안도
😔 pensive sad|失落|시무룩
😪 sleepy|困|졸림
😴 sleep zzz|睡觉|잠 쿨쿨
😷 mask sick|口罩 生病|마스크 아픔
🤒 fever sick|发烧 生病|열 아픔
🤢 nausea sick|恶心|메스꺼움
🤧 sneeze cold|打喷嚏 感冒|재채기 감기
🥵 hot|热|더워
🥶 cold freezing|冷|추워
😵 dizzy|晕|어지러움
🤯 mind blown|震惊 爆炸|충격
🥳 party celebrate|庆祝 派对|파티 축하
😎 cool sunglasses|酷 墨镜|멋짐 선글라스
🤓 nerd|书呆子|범생이
😕 confused|困惑|혼란
😟 worried|担心|걱정
😮 open mouth wow|惊讶 哇|놀람 와
😲 astonished shocked|震惊|깜짝
😳 flushed embarrassed|脸红 尴尬|당황
🥺 pleading please|可怜 拜托|부탁 글썽
😢 cry sad tear|哭 难过|울음 슬픔
😭 sob cry|大哭|엉엉 울음
😱 scream fear|惊恐 吓|비명 공포
😤 triumph huff|生气 哼|씩씩
😡 angry rage|愤怒 生气|화남 분노
🤬 cursing swear|骂人|욕
😈 devil|恶魔|악마
💀 skull dead|骷髅 死了|해골
💩 poop|便便|똥
🤡 clown|小丑|광대
👻 ghost|鬼|유령
👽 alien|外星人|외계인
🤖 robot bot|机器人|로봇
😺 cat smile|猫 笑|고양이
#people
👋 wave hello hi bye|挥手 你好 再见|안녕 손인사
🤚 raised hand|举手|손들기
✋ hand stop high five|手 停|손 멈춰
👌 ok okay|好的 OK|오케이
✌️ victory peace|胜利 耶|브이 평화
🤞 fingers crossed luck|祈祷 好运|행운
🤟 love you|爱你|사랑해
🤘 rock|摇滚|락
👈 point left|左|왼쪽
👉 point right|右|오른쪽
👆 point up|上|위
👇 point down|下|아래
👍 thumbs up like yes good|赞 好 棒|좋아요 최고 엄지
👎 thumbs down dislike no|踩 不好|싫어요 별로
✊ fist|拳头|주먹
👊 punch|拳|펀치
👏 clap applause|鼓掌 拍手|박수
🙌 raise hands hooray|欢呼|만세
🤝 handshake deal|握手 合作|악수
🙏 pray thanks please|祈祷 谢谢 拜托|감사 기도 부탁
💪 strong muscle|强壮 加油|힘 근육 화이팅
👀 eyes look|看 眼睛|눈 보기
🧠 brain smart|大脑 聪明|뇌 똑똑
👶 baby|宝宝 婴儿|아기
🧑 person|人|사람
👨‍💻 developer coder|程序员|개발자
🙋 raising hand|举手|손들기
🤷 shrug dunno|耸肩 不知道|몰라
🤦 facepalm|捂脸|이마짚기
🙇 bow sorry|鞠躬 抱歉|절 죄송
💃 dance|跳舞|춤
🏃 run|跑步|달리기
#nature
🐶 dog puppy|狗 小狗|강아지 개
🐱 cat kitten|猫 小猫|고양이
🐭 mouse|老鼠|쥐
🐰 rabbit bunny|兔子|토끼
🦊 fox|狐狸|여우
🐻 bear|熊|곰
🐼 panda|熊猫|판다
🐨 koala|考拉|코알라
🐯 tiger|老虎|호랑이
🦁 lion|狮子|사자
🐮 cow|牛|소
🐷 pig|猪|돼지
🐸 frog|青蛙|개구리
🐵 monkey|猴子|원숭이
🐔 chicken|鸡|닭
🐧 penguin|企鹅|펭귄
🐦 bird|鸟|새
🦄 unicorn|独角兽|유니콘
🐝 bee|蜜蜂|벌
🦋 butterfly|蝴蝶|나비
🐢 turtle slow|乌龟|거북이
🐍 snake|蛇|뱀
🐙 octopus|章鱼|문어
🐳 whale|鲸鱼|고래
🌸 cherry blossom flower|樱花 花|벚꽃 꽃
🌹 rose flower|玫瑰 花|장미 꽃
🌻 sunflower|向日葵|해바라기
🌲 tree|树|나무
🍀 clover luck|四叶草 幸运|클로버 행운
🍁 maple leaf autumn|枫叶 秋天|단풍 가을
🌞 sun|太阳|해 태양
🌙 moon night|月亮 晚上|달 밤
⭐ star|星星|별
🌈 rainbow|彩虹|무지개
☁️ cloud|云|구름
⛄ snowman winter|雪人 冬天|눈사람 겨울
🔥 fire hot lit|火 热门|불 대박
💧 water drop|水滴|물방울
🌊 wave sea|海浪 大海|파도 바다
#food
🍎 apple|苹果|사과
🍊 orange|橙子|오렌지 귤
🍋 lemon|柠檬|레몬
🍉 watermelon|西瓜|수박
🍇 grapes|葡萄|포도
🍓 strawberry|草莓|딸기
🍑 peach|桃子|복숭아
🥑 avocado|牛油果|아보카도
🌽 corn|玉米|옥수수
🌶️ pepper spicy|辣椒 辣|고추 매운
🍞 bread|面包|빵
🧀 cheese|奶酪|치즈
🍔 burger hamburger|汉堡|햄버거
🍟 fries|薯条|감자튀김
🍕 pizza|披萨|피자
🌭 hot dog|热狗|핫도그
🌮 taco|玉米卷|타코
🍜 noodles ramen|面条 拉面|라면 국수
🍲 hot pot stew|火锅|찌개 전골
🍣 sushi|寿司|초밥 스시
🍱 bento lunch|便当|도시락
🍚 rice|米饭|밥
🍙 rice ball|饭团|주먹밥
🥟 dumpling|饺子|만두
🍰 cake|蛋糕|케이크
🎂 birthday cake|生日蛋糕 生日|생일 케이크
🍪 cookie|饼干|쿠키
🍫 chocolate|巧克力|초콜릿
🍦 ice cream|冰淇淋|아이스크림
☕ coffee|咖啡|커피
🍵 tea|茶|차
🧋 bubble tea boba|奶茶 珍珠奶茶|버블티
🍺 beer|啤酒|맥주
🍻 cheers beers|干杯|건배
🍷 wine|红酒|와인
🥂 toast celebrate|干杯 庆祝|건배 축하
#activities
⚽ soccer football|足球|축구
🏀 basketball|篮球|농구
🏈 american football|橄榄球|미식축구
⚾ baseball|棒球|야구
🎾 tennis|网球|테니스
🏐 volleyball|排球|배구
🏓 ping pong table tennis|乒乓球|탁구
🏸 badminton|羽毛球|배드민턴
🥊 boxing|拳击|복싱
🏆 trophy win|奖杯 冠军|트로피 우승
🥇 gold medal first|金牌 第一|금메달 1등
🎮 game video game|游戏|게임
🎲 dice|骰子|주사위
🎯 target goal|目标 靶心|목표 과녁
🎨 art paint|艺术 画画|미술 그림
🎬 movie film|电影|영화
🎤 microphone sing karaoke|唱歌 麦克风|노래 마이크
🎧 headphones music|耳机 音乐|헤드폰 음악
🎸 guitar|吉他|기타
🎹 piano|钢琴|피아노
🎉 party tada celebrate|庆祝 派对 撒花|축하 파티
🎊 confetti|彩带|색종이
🎁 gift present|礼物|선물
🎈 balloon|气球|풍선
🧧 red envelope|红包|세뱃돈 봉투
🎄 christmas tree|圣诞树|크리스마스
🎆 fireworks|烟花|불꽃놀이
#travel
🚗 car|汽车|자동차
🚕 taxi|出租车|택시
🚌 bus|公交车|버스
🚇 metro subway|地铁|지하철
🚄 train high speed|高铁 火车|기차 KTX
✈️ airplane flight|飞机|비행기
🚀 rocket launch|火箭|로켓
🚲 bike bicycle|自行车|자전거
⛵ boat sail|帆船|보트
🏠 home house|家 房子|집
🏢 office building|办公楼|사무실 빌딩
🏫 school|学校|학교
🏥 hospital|医院|병원
⛰️ mountain|山|산
🏖️ beach|海滩|해변
🗺️ map|地图|지도
🌍 earth world globe|地球 世界|지구 세계
#objects
📱 phone mobile|手机|휴대폰
💻 laptop computer|电脑 笔记本|노트북 컴퓨터
⌨️ keyboard|键盘|키보드
📷 camera photo|相机 拍照|카메라 사진
📺 tv|电视|텔레비전
⏰ alarm clock|闹钟|알람 시계
⌛ hourglass wait|沙漏 等待|모래시계 기다림
💡 idea bulb|灯泡 想法|아이디어 전구
🔋 battery|电池|배터리
💰 money bag|钱|돈
💳 credit card|信用卡|카드
📦 package box|包裹 快递|택배 상자
📝 memo note write|笔记 写|메모
📅 calendar date|日历|달력 일정
📌 pin|图钉|핀 고정
📎 paperclip attach|回形针 附件|클립 첨부
✂️ scissors|剪刀|가위
🔒 lock secure|锁|자물쇠 잠금
🔑 key|钥匙|열쇠
🔨 hammer|锤子|망치
🛠️ tools fix|工具 修理|도구 수리
💊 pill medicine|药|약
📚 books study|书 学习|책 공부
✏️ pencil|铅笔|연필
📢 announcement loud|广播 通知|공지 확성기
🔔 bell notification|铃铛 通知|알림 종
#symbols
❤️ red heart love|爱心 红心 爱|하트 사랑
🧡 orange heart|橙心|주황 하트
💛 yellow heart|黄心|노란 하트
💚 green heart|绿心|초록 하트
💙 blue heart|蓝心|파란 하트
💜 purple heart|紫心|보라 하트
🖤 black heart|黑心|검은 하트
💔 broken heart|心碎|상처 이별
💕 two hearts|两颗心|하트 두개
💯 hundred perfect|一百分 满分|백점 완벽
💢 anger|生气|화
💥 boom collision|爆炸|쾅
💫 dizzy star|眩晕|어질
💬 speech chat|聊天 说话|말풍선 대화
💤 zzz sleep|睡觉|쿨쿨
✅ check done yes|完成 对|완료 체크
❌ cross no wrong|错 不|엑스 아니
❓ question|问号 问题|물음표 질문
❗ exclamation important|感叹号 重要|느낌표 중요
⚠️ warning|警告|경고
🚫 forbidden no|禁止|금지
🆗 ok button|OK|오케이
🆕 new|新|새로운
🔴 red circle|红色|빨강
🟢 green circle|绿色|초록
✨ sparkles shiny|闪亮 亮晶晶|반짝
⭕ circle correct|圆圈 对|동그라미
➕ plus add|加|더하기
➖ minus|减|빼기`;

export type EmojiGroup = 'smileys' | 'people' | 'nature' | 'food' | 'activities' | 'travel' | 'objects' | 'symbols';

export interface Emoji {
  char: string;
  group: EmojiGroup;
  /** Lowercase keywords in every language, space-separated, for search. */
  words: string;
  /** Its name (the first keyword) in English, Chinese and Korean. */
  names: { en: string; zh: string; ko: string };
}

let parsed: Emoji[] | undefined;

/** The emoji list, parsed once. */
export function emojis(): Emoji[] {
  if (parsed) return parsed;
  parsed = [];
  let group: EmojiGroup = 'smileys';
  for (const line of DATA.split('\n')) {
    if (line.startsWith('#')) {
      group = line.slice(1) as EmojiGroup;
      continue;
    }
    const space = line.indexOf(' ');
    const [en = '', zh = '', ko = ''] = line.slice(space + 1).split('|');
    const first = (words: string) => words.split(' ')[0]!;
    parsed.push({ char: line.slice(0, space), group, words: `${en} ${zh} ${ko}`.toLowerCase(), names: { en: first(en), zh: first(zh), ko: first(ko) } });
  }
  return parsed;
}

/** Emoji matching every word of `query` (by keyword prefix, in any language). */
export function searchEmojis(query: string): Emoji[] {
  const terms = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return emojis();
  return emojis().filter((e) => {
    const words = e.words.split(' ');
    return terms.every((t) => words.some((w) => w.startsWith(t) || (/[^\x00-\x7f]/.test(t) && w.includes(t))));
  });
}
