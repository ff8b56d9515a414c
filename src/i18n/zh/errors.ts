import type { Catalog } from '../catalog.js';

export default {
  byCode: {
    2024: '你尚未登录。',
    2100: '消息发送失败。',
    2800: '网络错误，请检查网络连接。',
    2801: '请求超时。',
    2805: '没有网络连接。',
    2806: '页面的部分内容加载失败。请检查网络连接，然后刷新页面。',
    3000: '正在登录…',
    3002: '你已在其他设备登录。',
    3003: '你已在其他地方登录。',
    3004: '登录已过期。',
    3005: '你已退出登录。',
    70001: '登录已过期。',
  } as Record<number, string>,
  byCategory: {
    network: '网络错误，请检查网络后重试。',
    session: '会话已结束，请重新登录。',
    unknown: '出了点问题。',
  },
} satisfies Catalog['errors'];
