import { describe, expect, it } from 'vitest';
import { checkExternalLinks } from './links.ts';

const scan = (html: string, allowedHosts: string[] = []) => checkExternalLinks(html, { allowedHosts });

describe('checkExternalLinks', () => {
  it.each([
    ['<a href="http://192.168.1.10/file.pdf">附件</a>', 'IP地址：192.168.1.10'],
    ['<a href="https://[2001:db8::1]/x">x</a>', 'IP地址：2001:db8::1'],
    ['<img src="http://10.0.0.1:8080/a.png">', 'IP地址：10.0.0.1'],
    ['<a href="https://www.baidu.com/s?wd=1">搜索</a>', '非政府网站（www.baidu.com）'],
    ["<a href='//example.com/a'>x</a>", '非政府网站（example.com）'],
    ['<a href=http://fakegov.cn/>x</a>', '非政府网站（fakegov.cn）'],
    ['<a href="http://www.gov.cn.example.com/">x</a>', '非政府网站'],
    ['<a class="x" href="HTTPS://EXAMPLE.COM/">x</a>', '非政府网站（example.com）'],
  ])('flags %s', (html, message) => {
    const findings = scan(html);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
    expect(findings[0]?.location).toBe('body');
  });

  it.each([
    '<a href="https://www.gov.cn/zhengce/">国务院</a>',
    '<a href="http://www.zhongfang.gov.cn/a.html">县政府</a>',
    '<a href="https://GOV.CN./x">x</a>',
    '<a href="/public/123">站内</a>',
    '<a href="../a.html">站内</a>',
    '<a href="#top">返回顶部</a>',
    '<a href="mailto:gk@zhongfang.gov.cn">邮箱</a>',
    '<a href="tel:0745-1234567">电话</a>',
    '<p>正文提到 http://192.168.1.1 但没有链接</p>',
  ])('accepts %s', (html) => {
    expect(scan(html)).toEqual([]);
  });

  it('accepts hosts on the allow-list with their subdomains', () => {
    expect(scan('<a href="https://www.people.com.cn/">人民网</a>', ['people.com.cn'])).toEqual([]);
    expect(scan('<a href="https://people.com.cn.evil.com/">x</a>', ['people.com.cn'])).toHaveLength(1);
  });
});
