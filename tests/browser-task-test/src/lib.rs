//! `#[browser_task_test::test]`: one test, native and in the browser.
//!
//! wasm-bindgen-test runs every synchronous test back to back inside one task of the page, so a suite
//! keeps the page's thread busy from its first test to its last and the WebDriver polls that watch it wait
//! all that while; on a slow enough machine they time out. This attribute makes each test a task of its
//! own: natively it is a plain `#[test]`; under wasm it becomes an `async` `#[wasm_bindgen_test]` whose first
//! step waits on `setTimeout(0)`, so the browser serves the driver before every test. The crate using it
//! needs `js-sys`, `wasm-bindgen` and `wasm-bindgen-futures` among its wasm dev-dependencies.

use proc_macro::TokenStream;
use quote::quote;
use syn::{parse_macro_input, ItemFn};

#[proc_macro_attribute]
pub fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    if !args.is_empty() {
        return syn::Error::new(proc_macro2::Span::call_site(), "#[browser_task_test::test] takes no arguments")
            .to_compile_error()
            .into();
    }
    let f = parse_macro_input!(item as ItemFn);
    let ItemFn { attrs, vis, sig, block } = f;
    let mut wasm_sig = sig.clone();
    wasm_sig.asyncness = Some(Default::default());
    quote! {
        #[cfg(not(target_arch = "wasm32"))]
        #[::core::prelude::v1::test]
        #(#attrs)*
        #vis #sig #block

        #[cfg(target_arch = "wasm32")]
        #[::wasm_bindgen_test::wasm_bindgen_test]
        #(#attrs)*
        #vis #wasm_sig {
            // setTimeout(resolve, 0): the rest of the test runs in a new task.
            let tick = ::js_sys::Promise::new(&mut |resolve, _reject| {
                let set_timeout = ::js_sys::Reflect::get(&::js_sys::global(), &::wasm_bindgen::JsValue::from_str("setTimeout"))
                    .map(::js_sys::Function::from)
                    .expect("the browser has setTimeout");
                set_timeout
                    .call2(&::wasm_bindgen::JsValue::UNDEFINED, &resolve, &::wasm_bindgen::JsValue::from(0))
                    .expect("setTimeout takes a function and a delay");
            });
            ::wasm_bindgen_futures::JsFuture::from(tick).await.expect("a timer resolves");
            #block
        }
    }
    .into()
}
