import type { Catalog } from '../catalog.js';

export default {
  loading: '加载中…',
  retry: '重试',
  cancel: '取消',
  confirm: '确定',
  close: '关闭',
  save: '保存',
  delete: '删除',
  back: '返回',
  more: '更多',
  search: '搜索',
  you: '你',
  loginAgain: '重新登录',
  offline: '网络不可用，正在重新连接…',
  connecting: '连接中…',
  loggedOut: '你已退出登录。',
  noProvider: '此元素需要外层有带 core 的 <tim-provider>。',
  kicked: {
    multipleAccount: '你已在其他地方登录，此处已退出。',
    multipleDevice: '你已在其他设备登录，此处已退出。',
    userSigExpired: '登录已过期，请重新登录。',
    REST_API_Kick: '你已被服务端强制下线。',
  },
  online: '在线',
  offlineStatus: '离线',
  avatarOf: (name: string) => `${name}的头像`,
} satisfies Catalog['common'];
